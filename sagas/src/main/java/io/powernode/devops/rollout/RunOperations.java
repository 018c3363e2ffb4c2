package io.powernode.devops.rollout;

import java.util.List;

/**
 * Docker actions, one after the other: each is decided, asked of the cluster, and answered before the next.
 *
 * @param beginsStep the actions start a step: what Docker does from now on is the step's doing
 * @param cleanup    see {@link Stage#cleansUp()}
 */
record RunOperations(List<PlannedOperation> operations, boolean beginsStep, boolean cleanup) implements Stage {

    RunOperations {
        operations = List.copyOf(operations);
    }

    static RunOperations step(List<PlannedOperation> operations) {
        return new RunOperations(operations, true, false);
    }

    static RunOperations within(List<PlannedOperation> operations) {
        return new RunOperations(operations, false, false);
    }

    static RunOperations cleanup(List<PlannedOperation> operations) {
        return new RunOperations(operations, false, true);
    }

    @Override
    public void begin(RolloutRun run) {
        if (beginsStep) {
            run.beginStep();
        }
        decideOrFinish(run);
    }

    @Override
    public void operationSucceeded(RolloutRun run) {
        run.nextOperation();
        decideOrFinish(run);
    }

    @Override
    public boolean cleansUp() {
        return cleanup;
    }

    private void decideOrFinish(RolloutRun run) {
        if (run.operationIndex() < operations.size()) {
            run.decide(operations.get(run.operationIndex()));
        } else {
            run.stageDone();
        }
    }
}
