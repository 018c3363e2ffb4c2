package io.powernode.devops.rollout;

import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;

import java.util.List;

/**
 * A compose service the rollout carries out itself, as the rollout found it before changing anything.
 *
 * @param planName   its Docker name in the plan, {@code <stack>_<service>}
 * @param activeName the Docker service that serves it now (blue, or the canary's stable service)
 * @param replicas   the active service's desired replicas; null for a global service
 * @param ports      what the active service's endpoint publishes, to give it back on a rollback
 */
record RolloutTarget(String service, String planName, String activeName, Integer replicas,
                     List<PublishedPort> ports) {

    RolloutTarget {
        ports = List.copyOf(ports);
    }

    /** The other slot: {@code shop_web-green} beside {@code shop_web}, {@code shop_web} beside the green one. */
    String greenName() {
        return activeName.equals(planName) ? planName + "-green" : planName;
    }

    String canaryName() {
        return activeName + "-canary";
    }
}
