package io.powernode.devops.kernel.stack;

/** Why a deployment exists. */
public enum DeploymentTrigger {
    /** A new compose file: a new revision. */
    deploy,
    /** An earlier revision deployed again, as asked for by name (the runbook's stack rollback). */
    redeploy,
    /** The revision before a deployment, deployed again to undo it, every service of the stack included. */
    rollback
}
