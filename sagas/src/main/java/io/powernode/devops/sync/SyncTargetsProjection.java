package io.powernode.devops.sync;

import io.powernode.devops.kernel.host.HostEvents.HostCredentialsReplaced;
import io.powernode.devops.kernel.host.HostEvents.HostDetailsChanged;
import io.powernode.devops.kernel.host.HostEvents.HostMaintenanceEnded;
import io.powernode.devops.kernel.host.HostEvents.HostMaintenanceStarted;
import io.powernode.devops.kernel.host.HostEvents.HostRecoveryRecorded;
import io.powernode.devops.kernel.host.HostEvents.HostRegistered;
import io.powernode.devops.kernel.host.HostEvents.HostRemoved;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterCredentialsReplaced;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterDetailsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMaintenanceEnded;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMaintenanceStarted;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRecoveryRecorded;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRegistered;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRemoved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * Keeps {@code sync_targets} in step with the host and cluster events, then tells the scheduler — only after
 * the commit, so a rolled-back batch (to be retried) never starts or stops a sync. Hosts and clusters go
 * through the same steps: a cluster is synced through its manager endpoint as a host through its own.
 */
@Component
@ProcessingGroup("endpoint-sync-targets")
public class SyncTargetsProjection {

    private static final BiPredicate<SyncTarget, SyncTarget> ALWAYS = (before, after) -> true;
    private static final BiPredicate<SyncTarget, SyncTarget> NEVER = (before, after) -> false;
    /** New connection details are tried at once, so the user sees whether they work; an interval change waits. */
    private static final BiPredicate<SyncTarget, SyncTarget> IF_CONNECTION_CHANGED =
            (before, after) -> !after.sameConnectionAs(before);

    private final SyncTargets targets;
    private final SyncTargetChanges changes;

    public SyncTargetsProjection(SyncTargets targets, SyncTargetChanges changes) {
        this.targets = targets;
        this.changes = changes;
    }

    @EventHandler
    public void on(HostRegistered event) {
        register(new SyncTarget(event.hostId(), EndpointKind.docker_host, event.accountId(), event.apiEndpoint(),
                event.tlsVerify(), event.credentials(), event.syncIntervalSeconds(), false));
    }

    @EventHandler
    public void on(HostDetailsChanged event) {
        update(event.hostId(), t -> t.withDetails(event.apiEndpoint(), event.tlsVerify(), event.syncIntervalSeconds()),
                IF_CONNECTION_CHANGED);
    }

    @EventHandler
    public void on(HostCredentialsReplaced event) {
        update(event.hostId(), t -> t.withCredentials(event.credentials()), ALWAYS);
    }

    @EventHandler
    public void on(HostMaintenanceStarted event) {
        update(event.hostId(), t -> t.withMaintenance(true), NEVER);
    }

    @EventHandler
    public void on(HostMaintenanceEnded event) {
        update(event.hostId(), t -> t.withMaintenance(false), ALWAYS);
    }

    /** Nothing to store, but the operator says the host is fine: confirm it with a sync. */
    @EventHandler
    public void on(HostRecoveryRecorded event) {
        update(event.hostId(), UnaryOperator.identity(), ALWAYS);
    }

    @EventHandler
    public void on(HostRemoved event) {
        remove(event.hostId());
    }

    @EventHandler
    public void on(ClusterRegistered event) {
        register(new SyncTarget(event.clusterId(), EndpointKind.swarm_cluster, event.accountId(),
                event.managerEndpoint(), event.tlsVerify(), event.credentials(), event.syncIntervalSeconds(), false));
    }

    @EventHandler
    public void on(ClusterDetailsChanged event) {
        update(event.clusterId(),
                t -> t.withDetails(event.managerEndpoint(), event.tlsVerify(), event.syncIntervalSeconds()),
                IF_CONNECTION_CHANGED);
    }

    @EventHandler
    public void on(ClusterCredentialsReplaced event) {
        update(event.clusterId(), t -> t.withCredentials(event.credentials()), ALWAYS);
    }

    @EventHandler
    public void on(ClusterMaintenanceStarted event) {
        update(event.clusterId(), t -> t.withMaintenance(true), NEVER);
    }

    @EventHandler
    public void on(ClusterMaintenanceEnded event) {
        update(event.clusterId(), t -> t.withMaintenance(false), ALWAYS);
    }

    /** As for a host: the operator says the cluster is fine, a sync confirms it. */
    @EventHandler
    public void on(ClusterRecoveryRecorded event) {
        update(event.clusterId(), UnaryOperator.identity(), ALWAYS);
    }

    @EventHandler
    public void on(ClusterRemoved event) {
        remove(event.clusterId());
    }

    @ResetHandler
    public void reset() {
        targets.deleteAll();
    }

    private void register(SyncTarget target) {
        targets.save(target);
        afterCommit(() -> changes.targetChanged(target, true));
    }

    /** @param syncNow given the target before and after the change, whether to sync at once */
    private void update(String endpointId, UnaryOperator<SyncTarget> change,
                        BiPredicate<SyncTarget, SyncTarget> syncNow) {
        targets.find(endpointId).ifPresent(before -> {
            SyncTarget after = change.apply(before);
            targets.save(after);
            boolean now = syncNow.test(before, after);
            afterCommit(() -> changes.targetChanged(after, now));
        });
    }

    private void remove(String endpointId) {
        targets.delete(endpointId);
        afterCommit(() -> changes.targetRemoved(endpointId));
    }

    private static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> action.run());
        } else {
            action.run();
        }
    }
}
