package io.powernode.devops.sync;

/** How one sync of an endpoint went, which decides when the next one is due. */
public enum SyncResult {
    /** The daemon did not answer: retry with backoff. */
    FAILED,
    /** Read, and at rest: the next sync at the endpoint's interval. */
    STEADY,
    /**
     * Read while the endpoint was still moving towards what was asked of it (a swarm service short of its
     * replicas, or in an update): sync again soon, since no Docker event announces a task reaching running.
     */
    SETTLING
}
