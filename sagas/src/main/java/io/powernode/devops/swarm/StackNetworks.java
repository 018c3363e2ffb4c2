package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.exception.NotFoundException;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackPlan.NetworkPlan;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stack's networks, as {@code docker stack deploy} treats them: those it declares external must exist, swarm-
 * scoped; its own are created when the stack has none of that name yet, and never changed afterwards.
 */
final class StackNetworks {

    /** Networks every node has by itself: the CLI does not look them up. */
    private static final Set<String> PREDEFINED = Set.of("bridge", "host", "none", "default");
    private static final String DEFAULT_DRIVER = "overlay";

    private StackNetworks() {
    }

    /** @throws OperationFailed naming every external network that is missing (not_found) or not swarm-scoped (invalid) */
    static void requireExternal(EngineApi api, List<String> networks) {
        List<String> missing = new ArrayList<>();
        List<String> local = new ArrayList<>();
        for (String name : networks) {
            if (PREDEFINED.contains(name) || name.startsWith("container:")) {
                continue;
            }
            try {
                JsonNode network = api.get(SwarmObjects.path(StackObjects.NETWORKS, name));
                if (!"swarm".equals(network.path("Scope").asText())) {
                    local.add(name + " (scope " + network.path("Scope").asText() + ")");
                }
            } catch (NotFoundException e) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new OperationFailed(Kind.not_found, "the stack uses external network(s) " + String.join(", ", missing)
                    + " that do not exist: create them as swarm-scoped (overlay) networks before deploying the stack");
        }
        if (!local.isEmpty()) {
            throw new OperationFailed(Kind.invalid, "the stack uses external network(s) " + String.join(", ", local)
                    + " that are not swarm-scoped: services can only join swarm-scoped networks");
        }
    }

    static void createMissing(EngineApi api, StackPlan plan, StepLog steps) {
        Map<String, JsonNode> existing = StackObjects.labelled(api, StackObjects.NETWORKS, plan.stack());
        for (NetworkPlan network : plan.networks()) {
            if (existing.containsKey(network.name())) {
                continue;
            }
            try {
                String id = api.post(StackObjects.NETWORKS + "/create", createBody(network)).path("Id").asText();
                steps.done("created network " + network.name() + " (" + id + ")");
            } catch (RuntimeException e) {
                throw steps.failed("could not create network " + network.name(), e);
            }
        }
    }

    /** As the CLI sends it: overlay unless the file names a driver, and a duplicate name refused. */
    private static ObjectNode createBody(NetworkPlan network) {
        ObjectNode body = PlanSpecs.read(network.spec(), "network " + network.name());
        if (body.path("Driver").asText().isEmpty()) {
            body.put("Driver", DEFAULT_DRIVER);
        }
        if (!body.has("CheckDuplicate")) {
            body.put("CheckDuplicate", true);
        }
        return body;
    }
}
