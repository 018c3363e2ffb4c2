package io.powernode.devops.api.swarm;

import io.powernode.devops.kernel.swarm.SwarmOperation;


/**
 * A validated request body, ready to send as a swarm operation.
 *
 * @param clusterId the cluster named in the body ({@code cluster_id}), or null when the path decides it
 * @param operation what to ask Docker, with secret values already sealed
 */
public record OperationRequest(String clusterId, SwarmOperation operation) {
}
