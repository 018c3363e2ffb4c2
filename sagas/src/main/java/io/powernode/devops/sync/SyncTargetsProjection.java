package io.powernode.devops.sync;

import io.powernode.devops.kernel.host.HostEvents.HostCredentialsReplaced;
import io.powernode.devops.kernel.host.HostEvents.HostDetailsChanged;
import io.powernode.devops.kernel.host.HostEvents.HostMaintenanceEnded;
import io.powernode.devops.kernel.host.HostEvents.HostMaintenanceStarted;
import io.powernode.devops.kernel.host.HostEvents.HostRecoveryRecorded;
import io.powernode.devops.kernel.host.HostEvents.HostRegistered;
import io.powernode.devops.kernel.host.HostEvents.HostRemoved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * Keeps {@code sync_targets} in step with the host events, then tells the scheduler — only after the
 * commit, so a rolled-back batch (to be retried) never starts or stops a sync.
 */
@Component
@ProcessingGroup("host-sync-targets")
public class SyncTargetsProjection {

    private static final BiPredicate<SyncTarget, SyncTarget> ALWAYS = (before, after) -> true;
    private static final BiPredicate<SyncTarget, SyncTarget> NEVER = (before, after) -> false;

    private final SyncTargets targets;
    private final SyncTargetChanges changes;

    public SyncTargetsProjection(SyncTargets targets, SyncTargetChanges changes) {
        this.targets = targets;
        this.changes = changes;
    }

    @EventHandler
    public void on(HostRegistered event) {
        SyncTarget target = new SyncTarget(event.hostId(), EndpointKind.docker_host, event.accountId(), event.apiEndpoint(), event.tlsVerify(),
                event.credentials(), event.syncIntervalSeconds(), false);
        targets.save(target);
        afterCommit(() -> changes.targetChanged(target, true));
    }

    @EventHandler
    public void on(HostDetailsChanged event) {
        // new connection details are tried at once, so the user sees whether they work; an interval change waits
        update(event.hostId(),
                t -> t.withDetails(event.apiEndpoint(), event.tlsVerify(), event.syncIntervalSeconds()),
                (before, after) -> !after.sameConnectionAs(before));
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
        targets.delete(event.hostId());
        afterCommit(() -> changes.targetRemoved(event.hostId()));
    }

    @ResetHandler
    public void reset() {
        targets.deleteAll();
    }

    /** @param syncNow given the target before and after the change, whether to sync at once */
    private void update(String hostId, UnaryOperator<SyncTarget> change, BiPredicate<SyncTarget, SyncTarget> syncNow) {
        targets.find(hostId).ifPresent(before -> {
            SyncTarget after = change.apply(before);
            targets.save(after);
            boolean now = syncNow.test(before, after);
            afterCommit(() -> changes.targetChanged(after, now));
        });
    }

    private static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> action.run());
        } else {
            action.run();
        }
    }
}
