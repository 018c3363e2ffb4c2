package io.powernode.devops.command.swarm;

import io.powernode.devops.command.endpoint.ConnectionTransition;
import io.powernode.devops.command.endpoint.ConnectionTransition.Connected;
import io.powernode.devops.command.endpoint.ConnectionTransition.Disconnected;
import io.powernode.devops.command.endpoint.ConnectionTransition.MaintenanceEnded;
import io.powernode.devops.command.endpoint.ConnectionTransition.MaintenanceStarted;
import io.powernode.devops.command.endpoint.ConnectionTransition.MarkedError;
import io.powernode.devops.command.endpoint.ConnectionTransition.RecoveryRecorded;
import io.powernode.devops.command.endpoint.ConnectionTransition.SyncFailed;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterConnected;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterDisconnected;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMaintenanceEnded;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMaintenanceStarted;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMarkedError;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRecoveryRecorded;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterSyncFailed;

/** A cluster's connection transitions, as the cluster events that record them. */
record ClusterConnectionEvents(String clusterId, String accountId) implements ConnectionTransition.Events {

    @Override
    public Object connected(Connected t) {
        return new ClusterConnected(clusterId, accountId, t.previousStatus(), t.reason(), t.at());
    }

    @Override
    public Object syncFailed(SyncFailed t) {
        return new ClusterSyncFailed(clusterId, accountId, t.consecutiveFailures(), t.error(), t.at());
    }

    @Override
    public Object disconnected(Disconnected t) {
        return new ClusterDisconnected(clusterId, accountId, t.reason(), t.at());
    }

    @Override
    public Object markedError(MarkedError t) {
        return new ClusterMarkedError(clusterId, accountId, t.previousStatus(), t.consecutiveFailures(), t.reason(),
                t.at());
    }

    @Override
    public Object maintenanceStarted(MaintenanceStarted t) {
        return new ClusterMaintenanceStarted(clusterId, accountId, t.previousStatus(), t.reason(), t.at());
    }

    @Override
    public Object maintenanceEnded(MaintenanceEnded t) {
        return new ClusterMaintenanceEnded(clusterId, accountId, t.at());
    }

    @Override
    public Object recoveryRecorded(RecoveryRecorded t) {
        return new ClusterRecoveryRecorded(clusterId, accountId, t.previousStatus(), t.clearedFailures(), t.at());
    }
}
