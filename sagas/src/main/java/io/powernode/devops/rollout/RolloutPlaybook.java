package io.powernode.devops.rollout;

import io.powernode.devops.kernel.stack.Strategy;
import io.powernode.devops.rollout.RolloutProbe.ServiceObservation;

import java.util.List;

/** A strategy's decisions: the program it runs, which services it takes on, and what follows a setback. */
interface RolloutPlaybook {

    static RolloutPlaybook of(Strategy strategy) {
        if (strategy instanceof Strategy.BlueGreen blueGreen) {
            return new BlueGreenRollout(blueGreen);
        }
        if (strategy instanceof Strategy.Canary canary) {
            return new CanaryRollout(canary);
        }
        return new RollingRollout();
    }

    /** The stages a rollout starts with. */
    List<Stage> opening(RolloutOrder order);

    /** Whether an observed candidate is one the strategy carries out itself. */
    boolean qualifies(ServiceObservation active);

    /** The program, once the targets are observed (for the strategies whose opening observes them). */
    List<Stage> plan(RolloutOrder order, List<RolloutTarget> targets);

    /** What the rollout does after a setback: report it, or undo what it did and then report. */
    List<Stage> recovery(RolloutState rollout, Setback setback);

    /** Whether users steer it (promote, pause, resume, abort); Docker's own rolling update cannot be. */
    boolean isSteerable();
}
