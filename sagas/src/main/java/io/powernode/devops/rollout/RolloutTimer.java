package io.powernode.devops.rollout;

/** What a rollout waits for in time; each is an Axon deadline of its own name. */
enum RolloutTimer {
    /** Ask the cluster for the operation the rollout decided on, in a unit of work after the one that decided. */
    ACT(Names.ACT),
    /** Read Docker again: the targets, or whether services converged. */
    CHECK(Names.CHECK),
    /** Judge the new version against the analysis' limits. */
    ANALYSIS(Names.ANALYSIS),
    /** A step's pause (a blue-green monitor period, a canary step, blue's scale-down delay) is over. */
    HOLD_END(Names.HOLD_END),
    /** The services had all the time the strategy gives them to converge. */
    PROGRESS_DEADLINE(Names.PROGRESS_DEADLINE);

    private final String deadlineName;

    RolloutTimer(String deadlineName) {
        this.deadlineName = deadlineName;
    }

    String deadlineName() {
        return deadlineName;
    }

    /** The deadline names, as constants for {@code @DeadlineHandler}. */
    static final class Names {
        static final String ACT = "rollout-act";
        static final String CHECK = "rollout-check";
        static final String ANALYSIS = "rollout-analysis";
        static final String HOLD_END = "rollout-hold-end";
        static final String PROGRESS_DEADLINE = "rollout-progress-deadline";

        private Names() {
        }
    }
}
