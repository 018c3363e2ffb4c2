package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.kernel.stack.StackPlan.NetworkPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The networks a stack creates, as {@code docker stack deploy} creates them: only those some service uses
 * ({@code default} for a service that names none), overlay unless the file says otherwise, labelled with the
 * stack, named {@code <stack>_<key>} unless the file names them; external ones only listed, to be checked.
 */
final class StackNetworks {

    /** The network a service that names none is attached to, as {@code <stack>_default}. */
    static final String DEFAULT = "default";
    private static final String DEFAULT_DRIVER = "overlay";
    /** Docker's own networks, which exist on every node and take no aliases. */
    private static final Set<String> BUILT_IN = Set.of("default", "bridge", "host", "none");

    private final StackNamespace namespace;
    private final Map<String, Declared> declared;

    StackNetworks(StackNamespace namespace, Map<String, Declared> declared) {
        this.namespace = namespace;
        this.declared = declared;
    }

    /** The keys of the networks the services use. */
    static Set<String> used(ObjectNode services) {
        Set<String> used = new TreeSet<>();
        services.forEach(service -> {
            List<String> networks = serviceNetworks(service);
            used.addAll(networks.isEmpty() ? List.of(DEFAULT) : networks);
        });
        return used;
    }

    static List<String> serviceNetworks(JsonNode service) {
        JsonNode networks = service.path("networks");
        List<String> keys = new ArrayList<>();
        if (networks.isArray()) {
            networks.forEach(network -> keys.add(network.asText()));
        } else {
            networks.fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    /** The Docker name a service's attachment to network {@code key} targets. */
    String target(String key) {
        Declared network = declared.get(key);
        return network == null ? namespace.scope(key) : network.dockerName(namespace);
    }

    boolean isDeclared(String key) {
        return declared.containsKey(key) || key.equals(DEFAULT);
    }

    /** Whether Docker accepts aliases on the network: not on its own built-in ones. */
    static boolean takesAliases(String target) {
        return !BUILT_IN.contains(target) && !target.startsWith("container:");
    }

    List<NetworkPlan> toCreate(Set<String> used) {
        List<NetworkPlan> plans = new ArrayList<>();
        for (String key : used) {
            Declared network = declared.get(key);
            if (network != null && network.external()) {
                continue;
            }
            JsonNode definition = network == null ? EngineJson.object() : network.definition();
            String name = target(key);
            plans.add(new NetworkPlan(name, createBody(name, definition).toString()));
        }
        plans.sort((a, b) -> a.name().compareTo(b.name()));
        return plans;
    }

    List<String> external(Set<String> used) {
        return used.stream().map(declared::get)
                .filter(network -> network != null && network.external())
                .map(network -> network.dockerName(namespace)).sorted().distinct().toList();
    }

    /**
     * The body of {@code POST /networks/create}. The CLI's Go client asks Docker to refuse a duplicate name
     * ({@code CheckDuplicate}) when it speaks an API older than 1.44, which a 20.10 engine is.
     */
    private ObjectNode createBody(String name, JsonNode definition) {
        ObjectNode body = EngineJson.object();
        body.put("Name", name);
        body.put("CheckDuplicate", true);
        String driver = ComposeValues.textOrEmpty(definition, "driver");
        body.put("Driver", driver.isEmpty() ? DEFAULT_DRIVER : driver);
        EngineJson.flag(body, "Internal", ComposeValues.flag(definition, "internal"));
        EngineJson.flag(body, "Attachable", ComposeValues.flag(definition, "attachable"));
        JsonNode ipam = definition.path("ipam");
        String ipamDriver = ComposeValues.textOrEmpty(ipam, "driver");
        if (!ipamDriver.isEmpty() || ipam.path("config").size() > 0) {
            ObjectNode ipamBody = body.putObject("IPAM");
            EngineJson.text(ipamBody, "Driver", ipamDriver);
            if (ipam.path("config").size() > 0) {
                ArrayNode pools = ipamBody.putArray("Config");
                ipam.path("config").forEach(pool -> {
                    ObjectNode entry = pools.addObject();
                    EngineJson.text(entry, "Subnet", ComposeValues.text(pool, "subnet"));
                });
            }
        }
        EngineJson.map(body, "Options", ComposeValues.mapping(definition.get("driver_opts"), false));
        EngineJson.map(body, "Labels", namespace.labelled(ComposeValues.mapping(definition.get("labels"), false)));
        return body;
    }
}
