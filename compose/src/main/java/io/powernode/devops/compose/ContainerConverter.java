package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The container part of a service: image, {@code entrypoint} as the Engine's Command and {@code command} as its
 * Args, environment, mounts, health check, hosts, DNS, capabilities, limits and the rest, with the CLI's
 * readings of each. Secrets and configs are added by the service converter.
 */
final class ContainerConverter {

    private static final String ALL_CAPABILITIES = "ALL";
    private static final String RESET_CAPABILITIES = "RESET";

    private final StackNamespace namespace;
    private final Map<String, Declared> configs;
    private final ServiceEnvironment environment;
    private final MountSpecs mounts;
    private final Problems problems;

    ContainerConverter(StackNamespace namespace, Map<String, Declared> configs, ServiceEnvironment environment,
                       MountSpecs mounts, Problems problems) {
        this.namespace = namespace;
        this.configs = configs;
        this.environment = environment;
        this.mounts = mounts;
        this.problems = problems;
    }

    /**
     * @param credentialConfigs receives the Docker name of the config a credential spec uses, which the service
     *                          must reference for the runtime
     */
    ObjectNode containerSpec(JsonNode service, String path, List<String> credentialConfigs) {
        ObjectNode container = EngineJson.object();
        EngineJson.text(container, "Image", ComposeValues.text(service, "image"));
        EngineJson.map(container, "Labels", namespace.labelled(ComposeValues.mapping(service.get("labels"), false)));
        EngineJson.strings(container, "Command", command(service, "entrypoint", path));
        EngineJson.strings(container, "Args", command(service, "command", path));
        EngineJson.text(container, "Hostname", ComposeValues.text(service, "hostname"));
        EngineJson.strings(container, "Env", environment.variables(service, path));
        EngineJson.text(container, "Dir", ComposeValues.text(service, "working_dir"));
        EngineJson.text(container, "User", ComposeValues.text(service, "user"));
        container.set("Privileges", privileges(service, path, credentialConfigs));
        if (ComposeValues.has(service, "init")) {
            container.put("Init", service.get("init").asBoolean());
        }
        EngineJson.text(container, "StopSignal", ComposeValues.text(service, "stop_signal"));
        EngineJson.flag(container, "TTY", ComposeValues.flag(service, "tty"));
        EngineJson.flag(container, "OpenStdin", ComposeValues.flag(service, "stdin_open"));
        EngineJson.flag(container, "ReadOnly", ComposeValues.flag(service, "read_only"));
        ArrayNode mountList = mounts.mounts(service, path);
        if (mountList != null) {
            container.set("Mounts", mountList);
        }
        String stopGracePeriod = ComposeValues.text(service, "stop_grace_period");
        if (stopGracePeriod != null) {
            Long nanos = GoDuration.nanos(stopGracePeriod, ComposePath.key(path, "stop_grace_period"), problems);
            if (nanos != null) {
                container.put("StopGracePeriod", nanos);
            }
        }
        EngineJson.child(container, "Healthcheck", healthcheck(service.get("healthcheck"), ComposePath.key(path, "healthcheck")), true);
        EngineJson.strings(container, "Hosts", hosts(service.get("extra_hosts")));
        EngineJson.child(container, "DNSConfig", dnsConfig(service), false);
        EngineJson.text(container, "Isolation", ComposeValues.text(service, "isolation"));
        EngineJson.map(container, "Sysctls", ComposeValues.mapping(service.get("sysctls"), false));
        capabilities(service, container);
        ulimits(service.get("ulimits"), container);
        if (ComposeValues.has(service, "oom_score_adj")) {
            EngineJson.number(container, "OomScoreAdj", service.get("oom_score_adj").asLong());
        }
        return container;
    }

    /** A command given as one string is split into words as a shell would, without running one. */
    private List<String> command(JsonNode service, String key, String path) {
        JsonNode value = service.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isArray()) {
            return ComposeValues.strings(value);
        }
        try {
            return ShellWords.split(value.asText());
        } catch (IllegalArgumentException e) {
            problems.at(ComposePath.key(path, key), e.getMessage());
            return List.of();
        }
    }

    /** A test given as one string runs in a shell ({@code CMD-SHELL}); {@code disable} is the test {@code NONE}. */
    private ObjectNode healthcheck(JsonNode healthcheck, String path) {
        if (healthcheck == null || healthcheck.isNull()) {
            return null;
        }
        ObjectNode json = EngineJson.object();
        JsonNode test = healthcheck.get("test");
        List<String> words = test == null || test.isNull() ? List.of()
                : test.isArray() ? ComposeValues.strings(test) : List.of("CMD-SHELL", test.asText());
        if (ComposeValues.flag(healthcheck, "disable")) {
            if (!words.isEmpty()) {
                problems.at(ComposePath.key(path, "disable"), "test and disable can't be set at the same time");
            }
            json.putArray("Test").add("NONE");
            return json;
        }
        EngineJson.strings(json, "Test", words);
        for (String key : List.of("interval", "timeout", "start_period", "start_interval")) {
            String text = ComposeValues.text(healthcheck, key);
            if (text != null) {
                EngineJson.number(json, field(key), GoDuration.nanos(text, ComposePath.key(path, key), problems));
            }
        }
        if (ComposeValues.has(healthcheck, "retries")) {
            EngineJson.number(json, "Retries", healthcheck.get("retries").asLong());
        }
        return json;
    }

    private static String field(String key) {
        return switch (key) {
            case "interval" -> "Interval";
            case "timeout" -> "Timeout";
            case "start_period" -> "StartPeriod";
            default -> "StartInterval";
        };
    }

    /**
     * {@code extra_hosts} as {@code host:ip} or {@code host=ip} (a mapping is written in key order), an IPv6
     * address in brackets unwrapped, then in the swarm's notation {@code "ip host"}. An entry without a
     * separator is dropped, as the CLI drops it.
     */
    static List<String> hosts(JsonNode extraHosts) {
        List<String> pairs = new ArrayList<>();
        if (extraHosts == null || extraHosts.isNull()) {
            return pairs;
        }
        if (extraHosts.isObject()) {
            new TreeMap<>(ComposeValues.mapping(extraHosts, true)).forEach((host, ip) -> {
                if (ip != null) {
                    pairs.add(host + ":" + ip);
                }
            });
        } else {
            extraHosts.forEach(entry -> {
                String text = entry.asText();
                int separator = text.indexOf('=') >= 0 ? text.indexOf('=') : text.indexOf(':');
                if (separator >= 0) {
                    pairs.add(text.substring(0, separator) + ":" + text.substring(separator + 1));
                }
            });
        }
        List<String> hosts = new ArrayList<>();
        for (String pair : pairs) {
            int colon = pair.indexOf(':');
            String host = pair.substring(0, colon);
            String ip = pair.substring(colon + 1);
            if (ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]")) {
                ip = ip.substring(1, ip.length() - 1);
            }
            hosts.add(ip + " " + host);
        }
        return hosts;
    }

    private static ObjectNode dnsConfig(JsonNode service) {
        List<String> nameservers = ComposeValues.strings(service.get("dns"));
        List<String> search = ComposeValues.strings(service.get("dns_search"));
        if (nameservers.isEmpty() && search.isEmpty()) {
            return null;
        }
        ObjectNode json = EngineJson.object();
        EngineJson.strings(json, "Nameservers", nameservers);
        EngineJson.strings(json, "Search", search);
        return json;
    }

    /**
     * Always an object, as the CLI always sends one; it holds the credential spec (Windows), whose {@code config}
     * form names a config the service must also reference for the runtime. The CLI puts that config's id in the
     * spec; the plan carries its name, which the gateway resolves with the other references.
     */
    private ObjectNode privileges(JsonNode service, String path, List<String> credentialConfigs) {
        ObjectNode privileges = EngineJson.object();
        JsonNode credentialSpec = service.get("credential_spec");
        if (credentialSpec == null || credentialSpec.isNull()) {
            return privileges;
        }
        List<String> given = new ArrayList<>();
        for (String key : List.of("config", "file", "registry")) {
            if (!ComposeValues.textOrEmpty(credentialSpec, key).isEmpty()) {
                given.add("\"" + Character.toUpperCase(key.charAt(0)) + key.substring(1) + "\"");
            }
        }
        String credentialPath = ComposePath.key(path, "credential_spec");
        if (given.size() == 2) {
            problems.at(credentialPath, "invalid credential spec: cannot specify both " + given.get(0) + " and " + given.get(1));
        } else if (given.size() > 2) {
            problems.at(credentialPath, "invalid credential spec: cannot specify both " + given.get(0) + ", "
                    + given.get(1) + ", and " + given.get(2));
        }
        if (given.isEmpty() || given.size() > 1) {
            return privileges;
        }
        ObjectNode spec = privileges.putObject("CredentialSpec");
        String config = ComposeValues.textOrEmpty(credentialSpec, "config");
        if (!config.isEmpty()) {
            Declared declared = configs.get(config);
            if (declared == null) {
                problems.at(ComposePath.key(credentialPath, "config"), "undefined config \"" + config + "\"");
                return privileges;
            }
            credentialConfigs.add(declared.dockerName(namespace));
            spec.put("Config", declared.dockerName(namespace));
        }
        EngineJson.text(spec, "File", ComposeValues.text(credentialSpec, "file"));
        EngineJson.text(spec, "Registry", ComposeValues.text(credentialSpec, "registry"));
        return privileges;
    }

    /**
     * {@code cap_add} and {@code cap_drop} normalised ({@code net_admin} is {@code CAP_NET_ADMIN}), without
     * duplicates, sorted; adding wins over dropping, and {@code ALL} stands for every capability.
     */
    private static void capabilities(JsonNode service, ObjectNode container) {
        TreeSet<String> add = capabilitySet(service.get("cap_add"));
        TreeSet<String> drop = capabilitySet(service.get("cap_drop"));
        drop.removeAll(add);
        add.remove(RESET_CAPABILITIES);
        drop.remove(RESET_CAPABILITIES);
        EngineJson.strings(container, "CapabilityAdd", add);
        EngineJson.strings(container, "CapabilityDrop", drop);
    }

    private static TreeSet<String> capabilitySet(JsonNode capabilities) {
        TreeSet<String> set = new TreeSet<>();
        for (String capability : ComposeValues.strings(capabilities)) {
            String normal = capability.strip().toUpperCase(Locale.ROOT);
            if (!normal.equals(ALL_CAPABILITIES) && !normal.equals(RESET_CAPABILITIES) && !normal.startsWith("CAP_")) {
                normal = "CAP_" + normal;
            }
            set.add(normal);
        }
        if (set.contains(ALL_CAPABILITIES)) {
            return new TreeSet<>(List.of(ALL_CAPABILITIES));
        }
        return set;
    }

    /** A number is both the soft and the hard limit; sorted by name. */
    private static void ulimits(JsonNode ulimits, ObjectNode container) {
        if (ulimits == null || ulimits.isEmpty()) {
            return;
        }
        ArrayNode list = container.putArray("Ulimits");
        toMap(ulimits).forEach((name, limit) -> {
            ObjectNode entry = list.addObject();
            entry.put("Name", name);
            entry.put("Soft", limit.isObject() ? limit.path("soft").asLong() : limit.asLong());
            entry.put("Hard", limit.isObject() ? limit.path("hard").asLong() : limit.asLong());
        });
    }

    private static Map<String, JsonNode> toMap(JsonNode object) {
        Map<String, JsonNode> map = new TreeMap<>();
        object.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue()));
        return map;
    }

}
