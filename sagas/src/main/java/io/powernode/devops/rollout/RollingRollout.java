package io.powernode.devops.rollout;

import io.powernode.devops.kernel.swarm.SwarmOperation.DeployStack;
import io.powernode.devops.rollout.RolloutProbe.ServiceObservation;

import java.util.List;

/**
 * {@code docker stack deploy}, watched: Docker's own rolling update (each service's update_config) does the work,
 * and the rollout waits for every service of the stack to converge. Docker may roll an update back itself, which
 * ends the deployment rolled back; a paused update or a missed progress deadline leaves it degraded.
 */
final class RollingRollout implements RolloutPlaybook {

    static final String DEPLOY_STACK = "stack";

    /** The stack deployed as the CLI would, waited for, completed: also what a blue-green or canary deployment with
     * no service of its own to carry out comes to. */
    static List<Stage> program(RolloutOrder order) {
        List<Subject> services = order.activeNames().entrySet().stream()
                .map(active -> new Subject(active.getKey(), active.getValue(), null))
                .toList();
        return List.of(
                RunOperations.step(List.of(deployStack(order, List.of()))),
                new AwaitConvergence(0, services, null, order.strategy().progressDeadline()),
                ReportProgress.completed(order.activeNames()));
    }

    /** @param held the Docker names a rollout updates itself: Docker creates them if missing, else leaves them */
    static PlannedOperation deployStack(RolloutOrder order, List<String> held) {
        return new PlannedOperation(DEPLOY_STACK, new DeployStack(order.activePlan(), order.options(), held));
    }

    @Override
    public List<Stage> opening(RolloutOrder order) {
        return program(order);
    }

    @Override
    public boolean qualifies(ServiceObservation active) {
        return false;
    }

    @Override
    public List<Stage> plan(RolloutOrder order, List<RolloutTarget> targets) {
        return program(order);
    }

    @Override
    public List<Stage> recovery(RolloutState rollout, Setback setback) {
        return switch (setback.kind()) {
            case ROLLED_BACK_BY_DOCKER ->
                    List.of(ReportProgress.rolledBack(setback.reason(), rollout.order().activeNames()));
            case PAUSED_BY_DOCKER, NOT_CONVERGED -> List.of(ReportProgress.degraded(setback.reason()));
            default -> List.of(ReportProgress.failed(setback.reason()));
        };
    }

    @Override
    public boolean isSteerable() {
        return false;
    }
}
