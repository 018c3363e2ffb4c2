package io.powernode.devops.kernel.stack;

/**
 * Where a deployment stands, in progressive delivery's words. {@code progressing}, {@code paused} and
 * {@code healthy} are active: the stack takes no other deployment meanwhile. The rest are final until a retry.
 */
public enum DeploymentPhase {
    /** Being applied, or a step is under way. */
    progressing,
    /** Waiting: for a promote at a step that asks for one, or for a resume after a user's pause. */
    paused,
    /** The new version serves and passed its checks; what is left is cleanup (blue kept for its delay). */
    healthy,
    /** Applied, but Docker paused an update or the services did not converge in time: someone must look. */
    degraded,
    /** Done: the new version serves alone. */
    completed,
    /** A user aborted it: the stable version serves again. */
    aborted,
    /** A check failed, or a user rolled it back: the stable version serves again. */
    rolled_back,
    /** Docker refused to apply it (e.g. a missing external network). */
    failed;

    public boolean isActive() {
        return this == progressing || this == paused || this == healthy;
    }

    /** Phases a retry may start again from. */
    public boolean isRetryable() {
        return this == aborted || this == rolled_back || this == failed || this == degraded;
    }
}
