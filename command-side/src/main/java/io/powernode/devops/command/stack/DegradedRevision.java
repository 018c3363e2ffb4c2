package io.powernode.devops.command.stack;

/**
 * A revision Docker holds though it never completed: its deployment gave Docker its specs and ended degraded (an
 * update Docker paused, tasks that did not run in time, a cleanup that failed after the switch).
 *
 * @param deploymentId the deployment that left it so
 */
record DegradedRevision(String deploymentId, int revision) {
}
