package io.powernode.devops.rollout;

/**
 * Why a rollout cannot go on as planned. What follows is the strategy's to decide: a rolling deployment reports
 * it, a blue-green or canary one undoes what it did.
 *
 * @param reason  in an operator's words
 * @param service the Docker service it concerns, where one does (Docker's own rollback restored that one already)
 * @param report  what the timeline says first, e.g. the failed analysis; null for nothing
 */
record Setback(Kind kind, String reason, String service, ReportProgress report) {

    enum Kind {
        /** The cluster refused to take the request (e.g. it is in maintenance): it would refuse an undo too. */
        REFUSED,
        /** Docker did not do what an operation asked. */
        OPERATION_FAILED,
        /** Cleaning up after a new version that serves failed: nothing to undo, someone must look. */
        CLEANUP_FAILED,
        /** The services did not converge within the progress deadline. */
        NOT_CONVERGED,
        ROLLED_BACK_BY_DOCKER,
        PAUSED_BY_DOCKER,
        ANALYSIS_FAILED,
        /** The swarm could not be read before anything was changed. */
        SWARM_UNREADABLE,
        /** A user asked for an abort or a rollback. */
        ABORTED
    }

    static Setback of(Kind kind, String reason) {
        return new Setback(kind, reason, null, null);
    }
}
