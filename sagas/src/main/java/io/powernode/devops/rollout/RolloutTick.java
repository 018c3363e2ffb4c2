package io.powernode.devops.rollout;

/**
 * A rollout deadline's payload. The generation tells the deadline the rollout waits for from one it no longer does
 * (cancelled, replaced, or scheduled again after a restart): only the current one is acted on.
 */
record RolloutTick(long generation) {
}
