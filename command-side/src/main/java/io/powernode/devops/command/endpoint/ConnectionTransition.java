package io.powernode.devops.command.endpoint;

import io.powernode.devops.kernel.common.ConnectionStatus;

import java.time.Instant;

/**
 * A change of an endpoint's connection health that {@link ConnectionHealth} decided and the aggregate records.
 * Each kind of endpoint records it as its own typed event, through its {@link Events}.
 */
public sealed interface ConnectionTransition {

    Object toEvent(Events events);

    /** How one kind of endpoint names each transition in its own events (HostConnected, ClusterConnected …). */
    interface Events {
        Object connected(Connected transition);

        Object syncFailed(SyncFailed transition);

        Object disconnected(Disconnected transition);

        Object markedError(MarkedError transition);

        Object maintenanceStarted(MaintenanceStarted transition);

        Object maintenanceEnded(MaintenanceEnded transition);

        Object recoveryRecorded(RecoveryRecorded transition);
    }

    /** A sync succeeded while the endpoint was not connected. */
    record Connected(ConnectionStatus previousStatus, String reason, Instant at) implements ConnectionTransition {
        @Override
        public Object toEvent(Events events) {
            return events.connected(this);
        }
    }

    /** A sync failed; {@code consecutiveFailures} counts this one. */
    record SyncFailed(int consecutiveFailures, String error, Instant at) implements ConnectionTransition {
        @Override
        public Object toEvent(Events events) {
            return events.syncFailed(this);
        }
    }

    /** A connected endpoint stopped answering. */
    record Disconnected(String reason, Instant at) implements ConnectionTransition {
        @Override
        public Object toEvent(Events events) {
            return events.disconnected(this);
        }
    }

    /** Too many consecutive failures: the endpoint needs attention. */
    record MarkedError(ConnectionStatus previousStatus, int consecutiveFailures, String reason, Instant at)
            implements ConnectionTransition {
        @Override
        public Object toEvent(Events events) {
            return events.markedError(this);
        }
    }

    record MaintenanceStarted(ConnectionStatus previousStatus, String reason, Instant at)
            implements ConnectionTransition {
        @Override
        public Object toEvent(Events events) {
            return events.maintenanceStarted(this);
        }
    }

    record MaintenanceEnded(Instant at) implements ConnectionTransition {
        @Override
        public Object toEvent(Events events) {
            return events.maintenanceEnded(this);
        }
    }

    /** An operator vouched for the endpoint (record_success). */
    record RecoveryRecorded(ConnectionStatus previousStatus, int clearedFailures, Instant at)
            implements ConnectionTransition {
        @Override
        public Object toEvent(Events events) {
            return events.recoveryRecorded(this);
        }
    }
}
