package io.powernode.devops.rollout;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Everything one attempt of a rollout knows, kept with its saga: the order, the program of stages it decided on and
 * how far it got. A restart resumes from exactly here: the current stage, the operation it waits for, the deadlines
 * it counts. Only {@link RolloutRun} changes it; strategies read it to decide how to undo a rollout.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class RolloutState {

    RolloutOrder order;
    SagaCausation causation;
    /** The services the rollout carries out itself, once observed. */
    List<RolloutTarget> targets = List.of();
    List<Stage> stages = List.of();
    int stage;
    /** The stages are those that undo the rollout (or only report its end). */
    boolean recovering;
    /** When the current step began: only what Docker did since counts for it. */
    Instant stepStartedAt;
    /** The current stage's next operation, when it runs operations. */
    int operation;
    /** The operation decided on and not yet answered: the rollout moves on only with its outcome. */
    PlannedOperation awaited;
    /** Keys of the operations that did what they asked, in that order (a LinkedHashSet for Jackson to keep it). */
    LinkedHashSet<String> done = new LinkedHashSet<>();
    /** The hold's end is due (a promote came, or its last analysis could not read Docker yet): no more waiting. */
    boolean holdEnding;
    /** A promote that came before the step's hold began; it ends the hold as soon as it begins. */
    boolean promotePending;
    /** A full promote that waits for the awaited operation (or the plan) to jump ahead. */
    boolean fullPromotePending;
    /** A setback (an abort) that waits for the awaited operation's outcome. */
    Setback pendingSetback;
    /** Why the last check did not pass, for the message should time run out. */
    String waitingFor;
    RolloutTimers timers = new RolloutTimers();

    /** For Jackson, which restores a saga's state from the saga store; its only constructor, so it is the one used. */
    private RolloutState() {
    }

    static RolloutState of(RolloutOrder order, SagaCausation causation) {
        RolloutState state = new RolloutState();
        state.order = order;
        state.causation = causation;
        return state;
    }

    RolloutOrder order() {
        return order;
    }

    List<RolloutTarget> targets() {
        return targets;
    }

    boolean isDone(String operationKey) {
        return done.contains(operationKey);
    }

    boolean isAnyDone(Predicate<String> operationKey) {
        return done.stream().anyMatch(operationKey);
    }
}
