package io.powernode.devops.command.host;

import io.powernode.devops.command.endpoint.ConnectionTransition;
import io.powernode.devops.command.endpoint.ConnectionTransition.Connected;
import io.powernode.devops.command.endpoint.ConnectionTransition.Disconnected;
import io.powernode.devops.command.endpoint.ConnectionTransition.MaintenanceEnded;
import io.powernode.devops.command.endpoint.ConnectionTransition.MaintenanceStarted;
import io.powernode.devops.command.endpoint.ConnectionTransition.MarkedError;
import io.powernode.devops.command.endpoint.ConnectionTransition.RecoveryRecorded;
import io.powernode.devops.command.endpoint.ConnectionTransition.SyncFailed;
import io.powernode.devops.kernel.host.HostEvents.HostConnected;
import io.powernode.devops.kernel.host.HostEvents.HostDisconnected;
import io.powernode.devops.kernel.host.HostEvents.HostMaintenanceEnded;
import io.powernode.devops.kernel.host.HostEvents.HostMaintenanceStarted;
import io.powernode.devops.kernel.host.HostEvents.HostMarkedError;
import io.powernode.devops.kernel.host.HostEvents.HostRecoveryRecorded;
import io.powernode.devops.kernel.host.HostEvents.HostSyncFailed;

/** A host's connection transitions, as the host events that record them. */
record HostConnectionEvents(String hostId, String accountId) implements ConnectionTransition.Events {

    @Override
    public Object connected(Connected t) {
        return new HostConnected(hostId, accountId, t.previousStatus(), t.reason(), t.at());
    }

    @Override
    public Object syncFailed(SyncFailed t) {
        return new HostSyncFailed(hostId, accountId, t.consecutiveFailures(), t.error(), t.at());
    }

    @Override
    public Object disconnected(Disconnected t) {
        return new HostDisconnected(hostId, accountId, t.reason(), t.at());
    }

    @Override
    public Object markedError(MarkedError t) {
        return new HostMarkedError(hostId, accountId, t.previousStatus(), t.consecutiveFailures(), t.reason(), t.at());
    }

    @Override
    public Object maintenanceStarted(MaintenanceStarted t) {
        return new HostMaintenanceStarted(hostId, accountId, t.previousStatus(), t.reason(), t.at());
    }

    @Override
    public Object maintenanceEnded(MaintenanceEnded t) {
        return new HostMaintenanceEnded(hostId, accountId, t.at());
    }

    @Override
    public Object recoveryRecorded(RecoveryRecorded t) {
        return new HostRecoveryRecorded(hostId, accountId, t.previousStatus(), t.clearedFailures(), t.at());
    }
}
