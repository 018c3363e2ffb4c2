package io.powernode.devops.rollout;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One part of a rollout's program: observe the targets, run operations, wait for convergence, hold a step, report.
 * A strategy writes the program once it knows its targets; the rollout keeps it and runs it stage by stage, so a
 * restart goes on with the very program it was running. Stages are immutable; how far one got is in
 * {@link RolloutState}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "stage")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ObserveTargets.class, name = "observe_targets"),
        @JsonSubTypes.Type(value = RunOperations.class, name = "run_operations"),
        @JsonSubTypes.Type(value = AwaitConvergence.class, name = "await_convergence"),
        @JsonSubTypes.Type(value = HoldStep.class, name = "hold_step"),
        @JsonSubTypes.Type(value = ReportProgress.class, name = "report_progress"),
        @JsonSubTypes.Type(value = PromotionPoint.class, name = "promotion_point")
})
sealed interface Stage permits ObserveTargets, RunOperations, AwaitConvergence, HoldStep, ReportProgress,
        PromotionPoint {

    /** The stage becomes the current one: it asks for what it waits for, or is done at once. */
    void begin(RolloutRun run);

    /** One of the timers the stage asked for is due. */
    default void timerFired(RolloutRun run, RolloutTimer timer) {
    }

    /** The operation the stage decided on did what it asked. */
    default void operationSucceeded(RolloutRun run) {
    }

    /** @return whether a (plain) promote ended this stage; otherwise it waits for the step's hold */
    default boolean promote(RolloutRun run) {
        return false;
    }

    /**
     * Past this stage the new version serves alone and what is left is cleanup: no abort undoes it any more. (Not
     * named like a getter: Jackson would store it as a property of every stage.)
     */
    default boolean cleansUp() {
        return false;
    }
}
