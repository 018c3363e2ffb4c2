package io.powernode.devops.api.swarm;

import io.powernode.devops.api.FeedStreams;
import io.powernode.devops.app.security.ApiCaller;
import io.powernode.devops.kernel.swarm.ClusterQueries.StreamClusterFeed;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterFeedEntry;
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

/**
 * The account's cluster changes as Server-Sent Events: lifecycle, inventory changes, Docker events and
 * operations, resumable with Last-Event-ID as the host stream is (see {@link FeedStreams}).
 */
@RestController
class ClusterStreamController {

    private final FeedStreams feeds;

    ClusterStreamController(FeedStreams feeds) {
        this.feeds = feeds;
    }

    @GetMapping(path = ClusterController.BASE + "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Map<String, Object>>> stream(@AuthenticationPrincipal Jwt jwt,
                                                      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                                                      @RequestParam(value = "last_event_id", required = false) String lastEventParam) {
        String accountId = ApiCaller.of(jwt).accountId();
        return feeds.open(jwt, lastEventId, lastEventParam, new FeedStreams.Feed<>(
                after -> new StreamClusterFeed(accountId, after), ClusterFeedEntry.class, ClusterFeedEntry::position,
                ClusterStreamController::event));
    }

    private static ServerSentEvent<Map<String, Object>> event(ClusterFeedEntry entry) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster_id", entry.clusterId());
        data.put("occurred_at", entry.occurredAt());
        data.put("change", entry.change());
        return FeedStreams.event(entry.position(), entry.eventType(), data);
    }
}
