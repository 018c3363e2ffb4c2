package io.powernode.devops.query.stack;

import io.powernode.devops.kernel.stack.DeploymentProgress;
import io.powernode.devops.kernel.stack.DeploymentProgress.Completed;
import io.powernode.devops.kernel.stack.DeploymentProgress.RolledBack;
import io.powernode.devops.kernel.stack.DeploymentProgress.TrafficSwitched;

import java.util.HashMap;
import java.util.Map;

/**
 * Which Docker service serves each compose service, as the rollout reports it: the end of a deployment states the
 * whole map, a blue-green switch moves the services it names. Services not named are {@code <stack>_<service>}.
 */
final class ActiveServices {
    private ActiveServices() {
    }

    static Map<String, String> after(Map<String, String> current, DeploymentProgress progress) {
        if (progress instanceof Completed completed) {
            return completed.activeServices();
        }
        if (progress instanceof RolledBack rolledBack) {
            return rolledBack.activeServices();
        }
        if (progress instanceof TrafficSwitched switched) {
            Map<String, String> moved = new HashMap<>(current);
            moved.putAll(switched.to());
            return moved;
        }
        return current;
    }
}
