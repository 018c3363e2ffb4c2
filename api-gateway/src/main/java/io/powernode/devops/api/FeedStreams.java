package io.powernode.devops.api;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * An account's feed of changes (hosts, clusters …) as Server-Sent Events. Each event's id is its number in the
 * feed, which grows in the order the changes were recorded. A client that reconnects with Last-Event-ID (header,
 * or {@code last_event_id} for clients that cannot set headers) gets every later change once (at most 1000 of
 * them; past that it should reload the list): the backlog from the read model, then live updates, with anything
 * seen in both dropped by number. Without Last-Event-ID the stream starts from now.
 */
@Component
public class FeedStreams {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final QueryGateway queries;

    public FeedStreams(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * One feed's subscription query and its entries.
     *
     * @param queryAfter the subscription query for the entries after a position (negative: none of the past)
     * @param position   an entry's number in the feed
     * @param event      an entry as the event the client receives (see {@link #event})
     */
    public record Feed<E>(LongFunction<Object> queryAfter, Class<E> entryType, ToLongFunction<E> position,
                          Function<E, ServerSentEvent<Map<String, Object>>> event) {
    }

    public <E> Flux<ServerSentEvent<Map<String, Object>>> open(Jwt jwt, String lastEventIdHeader,
                                                             String lastEventIdParam, Feed<E> feed) {
        // the token was checked when the stream opened; the stream ends when the token does
        Duration validFor = Duration.between(Instant.now(), jwt.getExpiresAt());
        long after = position(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam);
        AtomicLong lastSent = new AtomicLong(after);
        return Flux.using(
                        () -> queries.subscriptionQuery(feed.queryAfter().apply(after),
                                ResponseTypes.multipleInstancesOf(feed.entryType()),
                                ResponseTypes.instanceOf(feed.entryType())),
                        // the subscription exists before "open" is sent: a change made after a client saw it is delivered
                        subscription -> Flux.concat(Flux.just(comment("stream open")), backlogThenLive(subscription)
                                .filter(entry -> advance(lastSent, feed.position().applyAsLong(entry)))
                                .map(feed.event())),
                        SubscriptionQueryResult::cancel)
                .subscribeOn(Schedulers.boundedElastic())
                .mergeWith(Flux.interval(HEARTBEAT).map(tick -> comment("keep-alive")))
                .take(validFor);
    }

    /** A feed entry as an event: its position as id, its event type as the event name. */
    public static ServerSentEvent<Map<String, Object>> event(long position, String type, Map<String, Object> data) {
        return ServerSentEvent.<Map<String, Object>>builder()
                .id(Long.toString(position))
                .event(type)
                .data(data)
                .build();
    }

    private static <E> Flux<E> backlogThenLive(SubscriptionQueryResult<List<E>, E> subscription) {
        return subscription.initialResult().flatMapMany(Flux::fromIterable).concatWith(subscription.updates());
    }

    /** Positions only grow, so one number is enough to drop what was already sent. */
    private static boolean advance(AtomicLong lastSent, long position) {
        long seen = lastSent.get();
        return position > seen && lastSent.compareAndSet(seen, position);
    }

    private static ServerSentEvent<Map<String, Object>> comment(String text) {
        return ServerSentEvent.<Map<String, Object>>builder().comment(text).build();
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
