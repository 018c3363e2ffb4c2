package io.powernode.devops.command.endpoint;

import io.powernode.devops.command.endpoint.ConnectionTransition.Connected;
import io.powernode.devops.command.endpoint.ConnectionTransition.Disconnected;
import io.powernode.devops.command.endpoint.ConnectionTransition.MaintenanceEnded;
import io.powernode.devops.command.endpoint.ConnectionTransition.MaintenanceStarted;
import io.powernode.devops.command.endpoint.ConnectionTransition.MarkedError;
import io.powernode.devops.command.endpoint.ConnectionTransition.RecoveryRecorded;
import io.powernode.devops.command.endpoint.ConnectionTransition.SyncFailed;
import io.powernode.devops.command.endpoint.NameRegistry.Kind;
import io.powernode.devops.kernel.common.ConnectionStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The runbook's connection lifecycle of an endpoint (a host, a cluster's manager), as an immutable value. The
 * deciding methods say which transitions an observation or a user's command means; the {@code after…} methods say
 * how each recorded transition changes the health, for the aggregate's event sourcing handlers.
 *
 * @param lastObservedAt when the newest recorded observation was made; null before any
 */
public record ConnectionHealth(ConnectionStatus status, int consecutiveFailures, Instant lastObservedAt) {

    /** The runbook's rule: this many consecutive failed syncs put an endpoint in error. */
    public static final int FAILURES_BEFORE_ERROR = 5;

    /** A newly registered endpoint: pending until its first successful sync. */
    public static ConnectionHealth pending() {
        return new ConnectionHealth(ConnectionStatus.pending, 0, null);
    }

    /**
     * Whether an observation made at {@code observedAt} is to be recorded at all. There is no sync during
     * maintenance; and syncs run concurrently with their reports, so an observation can arrive after a newer one:
     * recording it would roll the status or the inventory back in time.
     */
    public boolean accepts(Instant observedAt) {
        return status != ConnectionStatus.maintenance
                && (lastObservedAt == null || !observedAt.isBefore(lastObservedAt));
    }

    /** What a successful sync, accepted by {@link #accepts}, means for the connection. */
    public List<ConnectionTransition> syncSucceeded(Instant observedAt) {
        if (status == ConnectionStatus.connected) {
            return List.of();
        }
        return List.of(new Connected(status, reconnectionReason(), observedAt));
    }

    /** What a failed sync, accepted by {@link #accepts}, means: always counted, sometimes more. */
    public List<ConnectionTransition> syncFailed(String error, Instant observedAt) {
        int failures = consecutiveFailures + 1;
        List<ConnectionTransition> transitions = new ArrayList<>();
        transitions.add(new SyncFailed(failures, error, observedAt));
        if (status == ConnectionStatus.connected) {
            transitions.add(new Disconnected(error, observedAt));
        }
        if (failures >= FAILURES_BEFORE_ERROR && status != ConnectionStatus.error) {
            transitions.add(new MarkedError(status, failures,
                    failures + " consecutive syncs failed; last error: " + error, observedAt));
        }
        return List.copyOf(transitions);
    }

    /** Starting maintenance twice records it once; the first start remembers the status it interrupts. */
    public List<ConnectionTransition> startMaintenance(String reason, Instant at) {
        if (status == ConnectionStatus.maintenance) {
            return List.of();
        }
        return List.of(new MaintenanceStarted(status, reason, at));
    }

    public List<ConnectionTransition> endMaintenance(Kind kind, Instant at) {
        if (status != ConnectionStatus.maintenance) {
            throw EndpointErrors.notInMaintenance(kind);
        }
        return List.of(new MaintenanceEnded(at));
    }

    /**
     * The runbook's manual record_success. Refused during maintenance, which only its end may lift; nothing to
     * record for an endpoint that is connected without failures.
     */
    public List<ConnectionTransition> recordRecovery(Kind kind, Instant at) {
        if (status == ConnectionStatus.maintenance) {
            throw EndpointErrors.inMaintenance(kind);
        }
        if (status == ConnectionStatus.connected && consecutiveFailures == 0) {
            return List.of();
        }
        return List.of(new RecoveryRecorded(status, consecutiveFailures, at));
    }

    public ConnectionHealth afterConnected(Instant connectedAt) {
        return new ConnectionHealth(ConnectionStatus.connected, 0, connectedAt);
    }

    public ConnectionHealth afterSyncFailed(int failures, Instant failedAt) {
        return new ConnectionHealth(status, failures, failedAt);
    }

    public ConnectionHealth afterDisconnected() {
        return new ConnectionHealth(ConnectionStatus.disconnected, consecutiveFailures, lastObservedAt);
    }

    public ConnectionHealth afterMarkedError() {
        return new ConnectionHealth(ConnectionStatus.error, consecutiveFailures, lastObservedAt);
    }

    public ConnectionHealth afterMaintenanceStarted() {
        return new ConnectionHealth(ConnectionStatus.maintenance, consecutiveFailures, lastObservedAt);
    }

    /** Maintenance is over: pending again until a sync confirms the endpoint answers. */
    public ConnectionHealth afterMaintenanceEnded() {
        return new ConnectionHealth(ConnectionStatus.pending, 0, lastObservedAt);
    }

    public ConnectionHealth afterRecovery() {
        return new ConnectionHealth(ConnectionStatus.connected, 0, lastObservedAt);
    }

    /** A recorded change of inventory is an observation too: later reports are compared with it. */
    public ConnectionHealth afterObservation(Instant observedAt) {
        return new ConnectionHealth(status, consecutiveFailures, observedAt);
    }

    private String reconnectionReason() {
        return switch (status) {
            case pending -> consecutiveFailures == 0
                    ? "First successful sync"
                    : "First successful sync after " + failedSyncs(consecutiveFailures);
            case disconnected -> "Answers again after " + failedSyncs(consecutiveFailures);
            case error -> "Recovered from error: answers again after " + failedSyncs(consecutiveFailures);
            case connected, maintenance -> throw new IllegalStateException("Endpoint is " + status);
        };
    }

    private static String failedSyncs(int count) {
        return count == 1 ? "1 failed sync" : count + " failed syncs";
    }
}
