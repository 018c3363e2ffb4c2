package io.powernode.devops.query;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays the event processor: wraps payloads the way a tracking processor delivers them (aggregate sequence,
 * global position, timestamp, message id) and hands them to the projections through Axon's own annotation
 * adapter, so that the handlers' parameter resolution is exercised too.
 */
public final class EventDelivery {
    /** Whole milliseconds, because BSON dates keep no more. */
    public static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final List<AnnotationEventHandlerAdapter> projections;
    private final Map<String, Long> sequences = new HashMap<>();
    private long position;

    public EventDelivery(Object... projections) {
        this.projections = Arrays.stream(projections).map(AnnotationEventHandlerAdapter::new).toList();
    }

    /** Delivers the next event of the aggregate; each event is one second after the one before. */
    public TrackedEventMessage<?> deliver(String aggregateId, Object payload) {
        return deliver(aggregateId, payload, MetaData.emptyInstance());
    }

    /** As {@link #deliver(String, Object)}, with the metadata the message carries (who acted, for instance). */
    public TrackedEventMessage<?> deliver(String aggregateId, Object payload, MetaData metaData) {
        return deliverAt(++position, aggregateId, payload, metaData);
    }

    /**
     * Delivers the next event of the aggregate at a chosen global position: a SQL event store makes positions
     * visible in commit order, which need not be the order it assigned them in.
     */
    public TrackedEventMessage<?> deliverAt(long globalPosition, String aggregateId, Object payload) {
        return deliverAt(globalPosition, aggregateId, payload, MetaData.emptyInstance());
    }

    private TrackedEventMessage<?> deliverAt(long globalPosition, String aggregateId, Object payload,
                                             MetaData metaData) {
        long sequence = sequences.merge(aggregateId, 0L, (last, ignored) -> last + 1);
        TrackedEventMessage<?> message = new GenericTrackedDomainEventMessage<>(
                new GlobalSequenceTrackingToken(globalPosition),
                new GenericDomainEventMessage<>("DockerHost", aggregateId, sequence, payload, metaData,
                        UUID.randomUUID().toString(), START.plusSeconds(globalPosition)));
        redeliver(message);
        return message;
    }

    /** What a restart does after a crash: the same message again. */
    public void redeliver(TrackedEventMessage<?> message) {
        for (AnnotationEventHandlerAdapter projection : projections) {
            if (projection.canHandle(message)) {
                try {
                    projection.handle(message);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** What resetting the processor does before a replay. */
    public void reset() {
        projections.forEach(projection -> projection.prepareReset(null));
    }

    public long lastPosition() {
        return position;
    }
}
