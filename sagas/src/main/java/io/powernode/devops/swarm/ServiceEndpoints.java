package io.powernode.devops.swarm;

import io.powernode.devops.kernel.stack.RolloutLabels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.kernel.swarm.SwarmOperation.ExposeServiceEndpoint;
import io.powernode.devops.kernel.swarm.SwarmOperation.WithdrawServiceEndpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A service's endpoint on plain Swarm: the ports it publishes and the name (its compose service name) it answers
 * to on each of its networks. A blue-green switch moves the endpoint from one service to the other: withdrawn
 * from blue, exposed on green. Everything else of the spec is sent back as Docker has it.
 */
final class ServiceEndpoints {


    /**
     * Ports off, the alias off every network attachment, labelled blue, and the tasks replaced: Docker keeps a
     * host-mode port bound by a running task, so only new tasks let it go.
     */
    Outcome withdraw(EngineApi api, WithdrawServiceEndpoint withdraw) {
        return SwarmObjects.updateFresh(api, StackObjects.SERVICES, named(api, withdraw.service()), current -> {
            ObjectNode spec = SwarmObjects.specOf(current);
            String ports = describe(spec.path("EndpointSpec").path("Ports"));
            if (spec.path("EndpointSpec") instanceof ObjectNode endpoint) {
                endpoint.remove("Ports");
            }
            int networks = 0;
            for (JsonNode network : spec.path("TaskTemplate").path("Networks")) {
                if (network.path("Aliases") instanceof ArrayNode aliases && remove(aliases, withdraw.alias())) {
                    networks++;
                }
            }
            object(spec, "Labels").put(RolloutLabels.ROLE, RolloutLabels.BLUE);
            ObjectNode task = (ObjectNode) spec.path("TaskTemplate");
            task.put("ForceUpdate", task.path("ForceUpdate").asLong(0) + 1);
            return updated(api, current, spec, "withdrew the endpoint of service " + withdraw.service() + ": ports "
                    + ports + " unpublished, alias " + withdraw.alias() + " taken off " + networks
                    + " network(s); its tasks are being replaced");
        });
    }

    /**
     * The ports set (replacing any), the alias added to every network attachment that lacks it, the role label
     * taken off. Docker replaces the tasks itself when ports or aliases change (a host-mode port is bound when a
     * task starts); an endpoint that is already so is left alone, so its tasks are not restarted for nothing.
     */
    Outcome expose(EngineApi api, ExposeServiceEndpoint expose) {
        return SwarmObjects.updateFresh(api, StackObjects.SERVICES, named(api, expose.service()), current -> {
            ObjectNode spec = SwarmObjects.specOf(current);
            if (!expose.ports().isEmpty()) {
                object(spec, "EndpointSpec").set("Ports", ServiceSpecJson.ports(expose.ports()));
            } else if (spec.path("EndpointSpec") instanceof ObjectNode endpoint) {
                endpoint.remove("Ports");
            }
            for (JsonNode network : spec.path("TaskTemplate").path("Networks")) {
                ArrayNode aliases = network.path("Aliases") instanceof ArrayNode existing ? existing
                        : ((ObjectNode) network).putArray("Aliases");
                if (!contains(aliases, expose.alias())) {
                    aliases.add(expose.alias());
                }
            }
            if (spec.path("Labels") instanceof ObjectNode labels) {
                labels.remove(RolloutLabels.ROLE);
            }
            String summary = "exposed service " + expose.service() + " with ports "
                    + describe(spec.path("EndpointSpec").path("Ports")) + " and alias " + expose.alias();
            if (spec.equals(current.path("Spec"))) {
                return new Outcome(current.path("ID").asText(), List.of(summary + ": it had them already"));
            }
            return updated(api, current, spec, summary);
        });
    }

    private static Outcome updated(EngineApi api, JsonNode current, ObjectNode spec, String note) {
        JsonNode answer = SwarmObjects.update(api, StackObjects.SERVICES, current, spec, Map.of());
        List<String> notes = new ArrayList<>(List.of(note));
        notes.addAll(SwarmObjects.warnings(answer));
        return new Outcome(current.path("ID").asText(), notes);
    }

    private static JsonNode named(EngineApi api, String service) {
        return StackObjects.service(api, service)
                .orElseThrow(() -> new OperationFailed(Kind.not_found, "no service named " + service));
    }

    /** The object under {@code field}, added when missing. */
    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.path(field) instanceof ObjectNode child ? child : parent.putObject(field);
    }

    /** {@code 18080:80/tcp (host), 8443:443/tcp (ingress)}, or none. */
    private static String describe(JsonNode ports) {
        StringJoiner text = new StringJoiner(", ").setEmptyValue("none");
        for (JsonNode port : ports) {
            text.add(port.path("PublishedPort").asText("?") + ":" + port.path("TargetPort").asText() + "/"
                    + port.path("Protocol").asText("tcp") + " (" + port.path("PublishMode").asText("ingress") + ")");
        }
        return text.toString();
    }

    private static boolean contains(ArrayNode values, String value) {
        for (JsonNode existing : values) {
            if (existing.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Removes every occurrence; whether there was one. */
    private static boolean remove(ArrayNode values, String value) {
        boolean removed = false;
        for (int i = values.size() - 1; i >= 0; i--) {
            if (values.get(i).asText().equals(value)) {
                values.remove(i);
                removed = true;
            }
        }
        return removed;
    }
}
