package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.exception.NotFoundException;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmOperation.InitSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.JoinSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.LeaveSwarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A host's daemon creating, joining or leaving a swarm, through the raw Engine API (docker-java's SwarmSpec has
 * no autolock setting). A join token is fetched from a manager at the moment of joining and lives only in this
 * call's request body: it is never logged, recorded or put into a message.
 */
final class SwarmMembership {

    private static final String DEFAULT_LISTEN_ADDRESS = "0.0.0.0:2377";

    /** @return the new swarm's id */
    Outcome init(EngineApi host, InitSwarm init) {
        ObjectNode spec = JsonNodeFactory.instance.objectNode();
        // Docker takes the defaults of every setting not given (zero or absent)
        if (init.taskHistoryLimit() != null) {
            spec.putObject("Orchestration").put("TaskHistoryRetentionLimit", init.taskHistoryLimit());
        }
        spec.putObject("EncryptionConfig").put("AutoLockManagers", init.autolock());
        ObjectNode request = addresses(init.advertiseAddress(), init.listenAddress());
        request.set("Spec", spec);
        host.post("/swarm/init", request);
        String swarmId = host.get("/swarm").path("ID").asText();
        return new Outcome(swarmId, init.autolock() ? List.of(SwarmSettings.AUTOLOCK_NOTE) : List.of());
    }

    /** @return the host's node id in the cluster */
    Outcome join(EngineApi manager, EngineApi host, JoinSwarm join) {
        NodeRole role = join.role() == null ? NodeRole.worker : join.role();
        List<String> managers = SwarmObjects.managerAddresses(manager);
        if (managers.isEmpty()) {
            throw new OperationFailed(Kind.unavailable, "the cluster has no reachable manager to join through");
        }
        ObjectNode request = addresses(join.advertiseAddress(), join.listenAddress());
        request.putArray("RemoteAddrs").addAll(managers.stream().map(JsonNodeFactory.instance::textNode).toList());
        String token = manager.get("/swarm").path("JoinTokens").path(role == NodeRole.manager ? "Manager" : "Worker")
                .asText();
        if (token.isBlank()) {
            throw new OperationFailed(Kind.unavailable, "the cluster's manager gave no join token");
        }
        request.put("JoinToken", token);
        try {
            host.post("/swarm/join", request);
        } catch (RuntimeException e) {
            // the daemon's words are passed on; should they ever quote the token, it is taken out
            OperationFailure failure = OperationFailures.classify(e);
            throw new OperationFailed(failure.kind(), failure.message().replace(token, "<join token>"));
        }
        return Outcome.of(nodeIdOf(host));
    }

    /**
     * The host leaves, then its node is removed from the manager's list, where it would otherwise stay as a "down"
     * ghost. A leave that Docker refuses (a manager, without force) changes nothing.
     *
     * @return the node id the host had
     */
    Outcome leave(EngineApi manager, EngineApi host, LeaveSwarm leave) {
        String hostId = leave.hostId();
        String nodeId = nodeIdOf(host);
        if (nodeId.isEmpty()) {
            throw new OperationFailed(Kind.refused, "host " + hostId + " is not part of a swarm");
        }
        try {
            manager.get(SwarmObjects.path("/nodes", nodeId));
        } catch (NotFoundException e) {
            throw new OperationFailed(Kind.refused, "host " + hostId + " is a node of another swarm, not of this cluster");
        }
        host.post(EngineApi.query("/swarm/leave", Map.of("force", leave.force())), null);
        List<String> notes = new ArrayList<>();
        try {
            // forced: the node may not be seen as down yet
            manager.delete(EngineApi.query(SwarmObjects.path("/nodes", nodeId), Map.of("force", true)));
        } catch (RuntimeException e) {
            OperationFailure failure = OperationFailures.classify(e);
            notes.add("host " + hostId + " left the swarm, but its node " + nodeId + " is still listed ("
                    + failure.message() + "): remove it with remove_node");
        }
        return new Outcome(nodeId, notes);
    }

    private static ObjectNode addresses(String advertiseAddress, String listenAddress) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("ListenAddr", listenAddress == null || listenAddress.isBlank() ? DEFAULT_LISTEN_ADDRESS : listenAddress);
        if (advertiseAddress != null && !advertiseAddress.isBlank()) {
            request.put("AdvertiseAddr", advertiseAddress);
        }
        return request;
    }

    /** The daemon's node id in its swarm; empty when it is in none. */
    private static String nodeIdOf(EngineApi daemon) {
        JsonNode swarm = daemon.get("/info").path("Swarm");
        return "inactive".equals(swarm.path("LocalNodeState").asText()) ? "" : swarm.path("NodeID").asText();
    }
}
