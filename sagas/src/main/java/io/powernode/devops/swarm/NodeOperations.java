package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.docker.DockerConnection;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Nodes: each change is made to the node's spec as Docker has it, sent back with its version. Docker guards the
 * quorum itself (it never demotes the last manager, nor removes a manager still in the raft cluster), whatever
 * a request's {@code force} says; those refusals are reported as such.
 */
final class NodeOperations {

    private static final String NODES = "/nodes";

    /** Draining moves the node's tasks elsewhere; active lets the scheduler place tasks there again. */
    Outcome setAvailability(EngineApi api, String nodeId, NodeAvailability availability) {
        return changeSpec(api, nodeId, spec -> spec.put("Availability", availability.name()));
    }

    Outcome changeLabels(EngineApi api, String nodeId, Map<String, String> add, List<String> remove) {
        return changeSpec(api, nodeId, spec -> {
            ObjectNode labels = spec.withObjectProperty("Labels");
            if (remove != null) {
                labels.remove(remove);
            }
            if (add != null) {
                add.forEach(labels::put);
            }
        });
    }

    Outcome changeRole(EngineApi api, String nodeId, NodeRole role) {
        return changeSpec(api, nodeId, spec -> spec.put("Role", role.name()));
    }

    /** Without force Docker removes only a node that is down; a manager must be demoted first. */
    Outcome remove(DockerConnection manager, String nodeId, boolean force) {
        manager.client().removeSwarmNodeCmd(nodeId).withForce(force).exec();
        return Outcome.of(nodeId);
    }

    private static Outcome changeSpec(EngineApi api, String nodeId, Consumer<ObjectNode> change) {
        JsonNode current = api.get(SwarmObjects.path(NODES, nodeId));
        ObjectNode spec = SwarmObjects.specOf(current);
        change.accept(spec);
        SwarmObjects.update(api, NODES, current, spec, Map.of());
        return Outcome.of(current.path("ID").asText());
    }
}
