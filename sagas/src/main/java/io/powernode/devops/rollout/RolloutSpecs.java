package io.powernode.devops.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.kernel.stack.RolloutLabels;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;
import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;

import java.util.ArrayList;
import java.util.List;

/**
 * Changes a rollout makes to a plan's service spec (the Engine API's ServiceSpec, as JSON) before Docker gets it:
 * another name, other replicas, another endpoint, its labels. Everything else stays as the compose file made it.
 */
final class RolloutSpecs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_PUBLISH_MODE = "ingress";
    private static final String DEFAULT_PROTOCOL = "tcp";

    private final String service;
    private final ObjectNode spec;

    private RolloutSpecs(String service, ObjectNode spec) {
        this.service = service;
        this.spec = spec;
    }

    static RolloutSpecs of(ServicePlan plan) {
        return new RolloutSpecs(plan.service(), parse(plan.spec()));
    }

    /**
     * The plan's service under the Docker name that serves its compose service now: a blue-green rollout may have
     * left {@code shop_web-green} serving {@code web}, and deploying {@code shop_web} beside it would publish the
     * same ports twice. A renamed service is labelled with its compose service, as every service a rollout names.
     */
    static ServicePlan asActive(ServicePlan plan, String activeName) {
        RolloutSpecs spec = of(plan).named(activeName);
        return activeName.equals(plan.name())
                ? spec.plan()
                : spec.labelled(RolloutLabels.COMPOSE_SERVICE, plan.service()).plan();
    }

    RolloutSpecs named(String name) {
        spec.put("Name", name);
        return this;
    }

    /** A replicated service's replica count; a global service has none and keeps its mode. */
    RolloutSpecs replicas(int replicas) {
        JsonNode replicated = spec.path("Mode").path("Replicated");
        if (replicated.isObject()) {
            ((ObjectNode) replicated).put("Replicas", replicas);
        }
        return this;
    }

    /** As {@link #replicas(int)}, unless the compose file gave a count: then the file's count stands. */
    RolloutSpecs replicasUnlessStated(Integer replicas) {
        return replicas == null || statedReplicas(spec) != null ? this : replicas(replicas);
    }

    /** Replaces the ports the endpoint publishes; none leaves the service reachable only by its tasks' networks. */
    RolloutSpecs publishing(List<PublishedPort> ports) {
        ObjectNode endpoint = spec.withObjectProperty("EndpointSpec");
        if (ports.isEmpty()) {
            endpoint.remove("Ports");
            return this;
        }
        ArrayNode list = endpoint.putArray("Ports");
        for (PublishedPort port : ports) {
            ObjectNode entry = list.addObject()
                    .put("Protocol", port.protocol() == null ? DEFAULT_PROTOCOL : port.protocol())
                    .put("TargetPort", port.target())
                    .put("PublishMode", port.publishMode() == null ? DEFAULT_PUBLISH_MODE : port.publishMode());
            if (port.published() != null) {
                entry.put("PublishedPort", port.published());
            }
        }
        return this;
    }

    /** Takes the compose service's name off every network, so that name no longer reaches this service. */
    RolloutSpecs withoutComposeAlias() {
        for (JsonNode network : spec.path("TaskTemplate").path("Networks")) {
            JsonNode aliases = network.path("Aliases");
            if (aliases.isArray()) {
                ArrayNode kept = JSON.createArrayNode();
                aliases.forEach(alias -> {
                    if (!alias.asText().equals(service)) {
                        kept.add(alias);
                    }
                });
                ((ObjectNode) network).set("Aliases", kept);
            }
        }
        return this;
    }

    RolloutSpecs labelled(String key, String value) {
        spec.withObjectProperty("Labels").put(key, value);
        return this;
    }

    /** Labels every service a rollout runs beside the serving one carries ({@link RolloutLabels}). */
    RolloutSpecs inRole(String role, String deploymentId) {
        return labelled(RolloutLabels.ROLE, role).labelled(RolloutLabels.DEPLOYMENT, deploymentId)
                .labelled(RolloutLabels.COMPOSE_SERVICE, service);
    }

    ServicePlan plan() {
        return new ServicePlan(service, spec.path("Name").asText(), spec.toString());
    }

    /** The ports a spec publishes, with Docker's defaults (tcp, ingress) made explicit. */
    static List<PublishedPort> ports(String spec) {
        List<PublishedPort> ports = new ArrayList<>();
        for (JsonNode port : parse(spec).path("EndpointSpec").path("Ports")) {
            ports.add(new PublishedPort(port.path("TargetPort").asInt(),
                    port.hasNonNull("PublishedPort") ? port.get("PublishedPort").asInt() : null,
                    port.path("Protocol").asText(DEFAULT_PROTOCOL),
                    port.path("PublishMode").asText(DEFAULT_PUBLISH_MODE)));
        }
        return ports;
    }

    /** The replica count the spec states, or null (a global service, or a count the compose file left out). */
    static Integer statedReplicas(String spec) {
        return statedReplicas(parse(spec));
    }

    private static Integer statedReplicas(JsonNode spec) {
        JsonNode replicas = spec.path("Mode").path("Replicated").path("Replicas");
        return replicas.isNumber() ? replicas.asInt() : null;
    }

    /** Ingress ports are held by the routing mesh: two services cannot publish the same one. */
    static boolean isIngress(PublishedPort port) {
        return port.publishMode() == null || DEFAULT_PUBLISH_MODE.equals(port.publishMode());
    }

    private static ObjectNode parse(String spec) {
        try {
            return (ObjectNode) JSON.readTree(spec);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("a plan's service spec is not a JSON object", e);
        }
    }
}
