package io.powernode.devops.sync;

/** What the sync-targets projection tells the scheduler, once its change is committed. */
public interface SyncTargetChanges {

    /**
     * The target is new or changed. A target in maintenance is paused; otherwise it is synced at once when
     * {@code syncNow}, else at its (possibly new) interval.
     */
    void targetChanged(SyncTarget target, boolean syncNow);

    void targetRemoved(String endpointId);
}
