package io.powernode.devops.api.host;

import io.powernode.devops.api.FeedStreams;
import io.powernode.devops.app.security.ApiCaller;
import io.powernode.devops.kernel.host.HostQueries.StreamHostFeed;
import io.powernode.devops.kernel.host.HostViews.HostFeedEntry;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.util.LinkedHashMap;
import java.util.Map;

/** The account's host changes as Server-Sent Events, resumable with Last-Event-ID (see {@link FeedStreams}). */
@RestController
class HostStreamController {

    private final FeedStreams feeds;

    HostStreamController(FeedStreams feeds) {
        this.feeds = feeds;
    }

    @GetMapping(path = HostController.BASE + "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Map<String, Object>>> stream(@AuthenticationPrincipal Jwt jwt,
                                                      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                                                      @RequestParam(value = "last_event_id", required = false) String lastEventParam) {
        String accountId = ApiCaller.of(jwt).accountId();
        return feeds.open(jwt, lastEventId, lastEventParam, new FeedStreams.Feed<>(
                after -> new StreamHostFeed(accountId, after), HostFeedEntry.class, HostFeedEntry::position,
                HostStreamController::event));
    }

    private static ServerSentEvent<Map<String, Object>> event(HostFeedEntry entry) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("host_id", entry.hostId());
        data.put("occurred_at", entry.occurredAt());
        data.put("change", entry.change());
        data.put("host", entry.host() == null ? null : HostJson.of(entry.host(), null));
        return FeedStreams.event(entry.position(), entry.eventType(), data);
    }
}
