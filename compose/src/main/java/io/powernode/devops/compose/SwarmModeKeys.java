package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Service keys that mean nothing to a swarm. {@code docker stack deploy} refuses a few outright (before it even
 * substitutes variables), warns that it ignores others, warns about two deprecated ones, and silently ignores a
 * few more; the platform refuses the same, and warns about every ignored key, the silent ones included, so that a
 * user learns why a key had no effect.
 */
final class SwarmModeKeys {

    /** Refused by the CLI, with what to do instead. */
    private static final Map<String, String> REFUSED = Map.of(
            "extends", "docker stack deploy does not support extends: write the service out in full",
            "volume_driver", "declare the volume at the top level, with its driver, and mount it in the service",
            "volumes_from", "declare the volume at the top level and mount it in every service that shares it",
            "cpu_quota", "limit CPUs with deploy.resources.limits.cpus",
            "cpu_shares", "limit CPUs with deploy.resources.limits.cpus",
            "cpuset", "limit CPUs with deploy.resources.limits.cpus",
            "mem_limit", "limit memory with deploy.resources.limits.memory",
            "memswap_limit", "limit memory with deploy.resources.limits.memory");
    /** The CLI warns it ignores these ("Ignoring unsupported options: …"); the parity test checks the list. */
    private static final Set<String> UNSUPPORTED = Set.of("build", "cgroupns_mode", "cgroup_parent", "devices",
            "domainname", "external_links", "ipc", "links", "mac_address", "network_mode", "pid", "privileged",
            "restart", "security_opt", "shm_size", "userns_mode");
    /** The CLI warns these are deprecated and ignores them. */
    private static final Map<String, String> DEPRECATED = Map.of(
            "container_name", "the swarm names a service's containers itself",
            "expose", "services on a network reach each other's containers on any port");
    /** The CLI ignores these without a word. */
    private static final Map<String, String> WITHOUT_EFFECT = Map.of(
            "depends_on", "a swarm starts a stack's services in no particular order",
            "tmpfs", "mount a tmpfs with a volume of type tmpfs instead");
    private static final Set<String> ADDRESS_KEYS = Set.of("ipv4_address", "ipv6_address");

    private SwarmModeKeys() {
    }

    /** Reports every refused key of every service. */
    static void refuse(ObjectNode root, Problems problems) {
        eachServiceKey(root, (path, key) -> {
            String instead = REFUSED.get(key);
            if (instead != null) {
                problems.atKey(path, key + " is not supported by docker stack deploy: " + instead);
            }
        });
    }

    /** The warnings the file's ignored keys deserve, the CLI's first. */
    static List<String> warnings(ObjectNode root) {
        Set<String> unsupported = new TreeSet<>();
        Map<String, String> deprecated = new TreeMap<>();
        Map<String, String> withoutEffect = new TreeMap<>();
        eachServiceKey(root, (path, key) -> {
            if (UNSUPPORTED.contains(key)) {
                unsupported.add(key);
            } else if (DEPRECATED.containsKey(key)) {
                deprecated.put(key, DEPRECATED.get(key));
            } else if (WITHOUT_EFFECT.containsKey(key)) {
                withoutEffect.put(key, WITHOUT_EFFECT.get(key));
            }
        });
        services(root).forEach((name, service) -> service.path("networks").fields().forEachRemaining(network -> {
            network.getValue().fieldNames().forEachRemaining(key -> {
                if (ADDRESS_KEYS.contains(key)) {
                    withoutEffect.put("networks." + network.getKey() + "." + key, "a swarm assigns task addresses itself");
                }
            });
        }));
        List<String> warnings = new ArrayList<>();
        if (!unsupported.isEmpty()) {
            warnings.add("Ignoring unsupported options: " + String.join(", ", unsupported));
        }
        deprecated.forEach((key, why) -> warnings.add("Ignoring deprecated option " + key + ": " + why));
        withoutEffect.forEach((key, why) -> warnings.add("Ignoring " + key + ", which has no effect in a swarm: " + why));
        return warnings;
    }

    private static void eachServiceKey(ObjectNode root, BiConsumer<String, String> action) {
        services(root).forEach((name, service) -> service.fieldNames().forEachRemaining(key ->
                action.accept(ComposePath.key(ComposePath.key("services", name), key), key)));
    }

    private static Map<String, JsonNode> services(ObjectNode root) {
        Map<String, JsonNode> services = new TreeMap<>();
        root.path("services").fields().forEachRemaining(service -> {
            if (service.getValue().isObject()) {
                services.put(service.getKey(), service.getValue());
            }
        });
        return services;
    }
}
