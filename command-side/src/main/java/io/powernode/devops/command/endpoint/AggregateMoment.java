package io.powernode.devops.command.endpoint;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.time.Instant;

/** Where the aggregate handling the current command stands: its event clock and its version. */
public final class AggregateMoment {

    private AggregateMoment() {
    }

    /** Axon's event clock, which test fixtures set. */
    public static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    /**
     * User commands answer with the version they leave the aggregate at, so the API can wait for exactly that
     * version in the read model before it responds.
     */
    public static long currentVersion() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}
