package io.powernode.devops.rollout;

import io.powernode.devops.kernel.stack.DeploymentProgress.RollbackStarted;
import io.powernode.devops.rollout.ObserveTargets.Candidate;

import java.util.ArrayList;
import java.util.List;

/**
 * What blue-green and canary share: they read their targets first, deploy the rest of the stack as the CLI would
 * while holding the targets, run their own program on the targets, and undo it after a setback, so the stable
 * version serves again.
 */
abstract class ProgressiveRollout implements RolloutPlaybook {

    @Override
    public List<Stage> opening(RolloutOrder order) {
        return List.of(new ObserveTargets(order.candidates().stream()
                .map(service -> new Candidate(service.service(), service.name(), order.activeName(service)))
                .toList()));
    }

    /** With no target, there is nothing to do beyond what the CLI does: a rolling deployment. */
    @Override
    public List<Stage> plan(RolloutOrder order, List<RolloutTarget> targets) {
        if (targets.isEmpty()) {
            return RollingRollout.program(order);
        }
        List<Stage> stages = new ArrayList<>();
        List<String> held = targets.stream().map(RolloutTarget::activeName).toList();
        stages.add(RunOperations.within(List.of(RollingRollout.deployStack(order, held))));
        stages.addAll(program(order, targets));
        return stages;
    }

    /**
     * A refusal ends the deployment failed (the cluster would refuse an undo too), and so does a setback before the
     * rollout changed anything of its own, but for an abort, which ends rolled back. Otherwise the rollout undoes
     * what it did: the cleanup after a new version that serves is not undone, it is left for someone to look at.
     */
    @Override
    public List<Stage> recovery(RolloutState rollout, Setback setback) {
        RolloutOrder order = rollout.order();
        if (setback.kind() == Setback.Kind.CLEANUP_FAILED) {
            return List.of(ReportProgress.degraded(setback.reason()));
        }
        List<PlannedOperation> undo = setback.kind() == Setback.Kind.REFUSED ? List.of() : undo(rollout, setback);
        if (undo.isEmpty()) {
            return List.of(setback.kind() == Setback.Kind.ABORTED
                    ? ReportProgress.rolledBack(setback.reason(), order.activeNames())
                    : ReportProgress.failed(setback.reason()));
        }
        return List.of(
                new ReportProgress("rollback-started", new RollbackStarted(setback.reason())),
                RunOperations.within(undo),
                ReportProgress.rolledBack(setback.reason(), order.activeNames()));
    }

    @Override
    public boolean isSteerable() {
        return true;
    }

    /** The stages after the stack is deployed with the targets held. */
    abstract List<Stage> program(RolloutOrder order, List<RolloutTarget> targets);

    /** The operations that give the stable version back what the rollout took from it; none when nothing was. */
    abstract List<PlannedOperation> undo(RolloutState rollout, Setback setback);
}
