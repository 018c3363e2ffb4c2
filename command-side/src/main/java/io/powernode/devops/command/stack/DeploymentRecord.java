package io.powernode.devops.command.stack;

/**
 * What a stack remembers of each of its deployments, the oldest too: the revision it applied and the one that was
 * live before it, which is all a redeploy or a rollback of it needs. The rest of its story is in its events.
 *
 * @param previousRevision null when no revision was live
 */
record DeploymentRecord(int revision, Integer previousRevision) {
}
