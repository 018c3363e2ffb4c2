package io.powernode.devops.api.host;

import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.app.security.ApiCaller;
import io.powernode.devops.kernel.host.HostQueries.StreamHostFeed;
import io.powernode.devops.kernel.host.HostViews.HostFeedEntry;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The account's host changes as Server-Sent Events. Each event's id is its number in the host feed, which
 * grows in the order the changes were recorded. A client that reconnects with Last-Event-ID gets every
 * later change once (at most 1000 of them; past that it should reload GET /hosts): the backlog from the
 * read model, then live updates, with anything seen in both dropped by number. Without Last-Event-ID the
 * stream starts from now.
 */
@RestController
class HostStreamController {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final QueryGateway queries;

    HostStreamController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/api/v1/devops/docker/hosts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Map<String, Object>>> stream(@AuthenticationPrincipal Jwt jwt,
                                                      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                                                      @RequestParam(value = "last_event_id", required = false) String lastEventParam) {
        String accountId = ApiCaller.of(jwt).accountId();
        // the token was checked when the stream opened; the stream ends when the token does
        Duration validFor = Duration.between(Instant.now(), jwt.getExpiresAt());
        long after = position(lastEventId != null ? lastEventId : lastEventParam);
        AtomicLong lastSent = new AtomicLong(after);
        return Flux.using(
                        () -> queries.subscriptionQuery(new StreamHostFeed(accountId, after),
                                ResponseTypes.multipleInstancesOf(HostFeedEntry.class),
                                ResponseTypes.instanceOf(HostFeedEntry.class)),
                        // the subscription exists before "open" is sent: a change made after a client saw it is delivered
                        feed -> Flux.concat(Flux.just(comment("stream open")), backlogThenLive(feed)
                                .filter(entry -> advance(lastSent, entry.position()))
                                .map(HostStreamController::event)),
                        SubscriptionQueryResult::cancel)
                .subscribeOn(Schedulers.boundedElastic())
                .mergeWith(Flux.interval(HEARTBEAT).map(tick -> comment("keep-alive")))
                .take(validFor);
    }

    private static Flux<HostFeedEntry> backlogThenLive(SubscriptionQueryResult<List<HostFeedEntry>, HostFeedEntry> feed) {
        return feed.initialResult().flatMapMany(Flux::fromIterable).concatWith(feed.updates());
    }

    /** Positions only grow, so one number is enough to drop what was already sent. */
    private static boolean advance(AtomicLong lastSent, long position) {
        long seen = lastSent.get();
        return position > seen && lastSent.compareAndSet(seen, position);
    }

    private static ServerSentEvent<Map<String, Object>> comment(String text) {
        return ServerSentEvent.<Map<String, Object>>builder().comment(text).build();
    }

    private static ServerSentEvent<Map<String, Object>> event(HostFeedEntry entry) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("host_id", entry.hostId());
        data.put("occurred_at", entry.occurredAt());
        data.put("change", entry.change());
        data.put("host", entry.host() == null ? null : HostJson.of(entry.host(), null));
        return ServerSentEvent.<Map<String, Object>>builder()
                .id(Long.toString(entry.position()))
                .event(entry.eventType())
                .data(data)
                .build();
    }

    private static long position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("Last-Event-ID", "must be the id of an event this stream sent");
        }
    }
}
