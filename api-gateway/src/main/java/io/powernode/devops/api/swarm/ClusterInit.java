package io.powernode.devops.api.swarm;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.swarm.SwarmOperation;

import io.powernode.devops.kernel.swarm.OperationSummary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated request to create a cluster by initialising a swarm on a registered host, which becomes the
 * cluster's first manager.
 *
 * @param hostId          the host whose daemon initialises the swarm (also {@code init.hostId()})
 * @param environment     null to take the host's
 * @param init            the cluster's first operation
 */
public record ClusterInit(String name, String hostId, DeploymentEnvironment environment, int syncIntervalSeconds,
                          SwarmOperation.InitSwarm init) {

    /** The init as every operation shows, with the cluster's own settings. */
    public Map<String, Object> auditParameters(String clusterId) {
        Map<String, Object> parameters = new LinkedHashMap<>(Map.of("name", name,
                "sync_interval_seconds", syncIntervalSeconds));
        if (environment != null) {
            parameters.put("environment", environment.name());
        }
        parameters.putAll(OperationSummary.of(init, clusterId).parameters());
        return parameters;
    }
}
