package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;


/**
 * A service's {@code deploy} section (and the legacy {@code restart}) as the swarm's terms: mode, resources,
 * restart policy, placement, update and rollback policies, with the CLI's defaults.
 */
final class DeployConverter {

    private final Problems problems;

    DeployConverter(Problems problems) {
        this.problems = problems;
    }

    /** {@code replicated} (the default) or {@code global}, and their job variants. */
    ObjectNode mode(JsonNode deploy, String path) {
        String mode = ComposeValues.textOrEmpty(deploy, "mode");
        JsonNode replicas = deploy.get("replicas");
        boolean counted = replicas != null && !replicas.isNull();
        ObjectNode json = EngineJson.object();
        switch (mode) {
            case "", "replicated" -> {
                ObjectNode replicated = json.putObject("Replicated");
                if (counted) {
                    replicated.put("Replicas", replicas.asLong());
                }
            }
            case "global", "global-job" -> {
                if (counted) {
                    problems.at(deployPath(path, "replicas"), "replicas can only be used with replicated or replicated-job mode");
                }
                json.putObject(mode.equals("global") ? "Global" : "GlobalJob");
            }
            case "replicated-job" -> {
                ObjectNode job = json.putObject("ReplicatedJob");
                if (counted) {
                    job.put("MaxConcurrent", replicas.asLong());
                    job.put("TotalCompletions", replicas.asLong());
                }
            }
            default -> problems.at(deployPath(path, "mode"), "unknown mode: " + mode);
        }
        if (counted && replicas.asLong() < 0) {
            problems.at(deployPath(path, "replicas"), "replicas cannot be negative");
        }
        return json;
    }

    /** Always an object, as the CLI always sends one; limits and reservations when the file sets them. */
    ObjectNode resources(JsonNode deploy, String path) {
        ObjectNode resources = EngineJson.object();
        JsonNode section = deploy.path("resources");
        String resourcesPath = deployPath(path, "resources");
        JsonNode limits = section.get("limits");
        if (limits != null && !limits.isNull()) {
            ObjectNode json = resources.putObject("Limits");
            amounts(limits, ComposePath.key(resourcesPath, "limits"), json);
            EngineJson.number(json, "Pids", limits.path("pids").asLong());
        }
        JsonNode reservations = section.get("reservations");
        if (reservations != null && !reservations.isNull()) {
            ObjectNode json = resources.putObject("Reservations");
            amounts(reservations, ComposePath.key(resourcesPath, "reservations"), json);
            JsonNode generic = reservations.path("generic_resources");
            if (!generic.isEmpty()) {
                ArrayNode list = json.putArray("GenericResources");
                generic.forEach(resource -> {
                    ObjectNode entry = list.addObject();
                    JsonNode discrete = resource.get("discrete_resource_spec");
                    if (discrete != null && !discrete.isNull()) {
                        ObjectNode spec = entry.putObject("DiscreteResourceSpec");
                        EngineJson.text(spec, "Kind", ComposeValues.text(discrete, "kind"));
                        EngineJson.number(spec, "Value", discrete.path("value").asLong());
                    }
                });
            }
        }
        return resources;
    }

    private void amounts(JsonNode section, String path, ObjectNode json) {
        String cpus = ComposeValues.textOrEmpty(section, "cpus");
        if (!cpus.isEmpty()) {
            try {
                EngineJson.number(json, "NanoCPUs", Quantities.nanoCpus(cpus));
            } catch (IllegalArgumentException e) {
                problems.at(ComposePath.key(path, "cpus"), e.getMessage());
            }
        }
        String memory = ComposeValues.textOrEmpty(section, "memory");
        if (!memory.isEmpty()) {
            try {
                EngineJson.number(json, "MemoryBytes", Quantities.bytes(memory));
            } catch (IllegalArgumentException e) {
                problems.at(ComposePath.key(path, "memory"), e.getMessage());
            }
        }
    }

    /**
     * {@code deploy.restart_policy}, else the legacy {@code restart} read as {@code docker run} reads it
     * ({@code always} and {@code unless-stopped} restart on any exit, {@code on-failure[:n]} on failure).
     */
    ObjectNode restartPolicy(JsonNode service, String path) {
        JsonNode policy = service.path("deploy").get("restart_policy");
        String policyPath = deployPath(path, "restart_policy");
        if (policy != null && !policy.isNull()) {
            ObjectNode json = EngineJson.object();
            EngineJson.text(json, "Condition", ComposeValues.text(policy, "condition"));
            duration(policy, "delay", policyPath, json, "Delay");
            if (ComposeValues.has(policy, "max_attempts")) {
                json.put("MaxAttempts", unsigned(policy.get("max_attempts"), ComposePath.key(policyPath, "max_attempts")));
            }
            duration(policy, "window", policyPath, json, "Window");
            return json;
        }
        String restart = ComposeValues.textOrEmpty(service, "restart");
        if (restart.isEmpty()) {
            return null;
        }
        return legacyRestart(restart, ComposePath.key(path, "restart"));
    }

    private ObjectNode legacyRestart(String restart, String path) {
        int colon = restart.indexOf(':');
        String name = colon < 0 ? restart : restart.substring(0, colon);
        String count = colon < 0 ? "" : restart.substring(colon + 1);
        if (colon == 0) {
            problems.at(path, "invalid restart policy format: no policy provided before colon");
            return null;
        }
        long attempts = 0;
        if (!count.isEmpty()) {
            if (!count.matches("[-+]?[0-9]+")) {
                problems.at(path, "invalid restart policy format: maximum retry count must be an integer");
                return null;
            }
            attempts = Long.parseLong(count.replaceFirst("^\\+", ""));
            if (attempts < 0) {
                problems.at(path, "invalid restart policy: maximum retry count cannot be negative");
                return null;
            }
        }
        String condition = switch (name) {
            case "no" -> null;
            case "always", "unless-stopped" -> "any";
            case "on-failure" -> "on-failure";
            default -> {
                problems.at(path, "invalid restart policy: unknown policy '" + name
                        + "' (must be one of 'no', 'always', 'on-failure', or 'unless-stopped')");
                yield null;
            }
        };
        if (condition == null) {
            return null;
        }
        ObjectNode json = EngineJson.object();
        json.put("Condition", condition);
        EngineJson.number(json, "MaxAttempts", attempts);
        return json;
    }

    /** Always an object, as the CLI always sends one. */
    ObjectNode placement(JsonNode deploy) {
        JsonNode placement = deploy.path("placement");
        ObjectNode json = EngineJson.object();
        EngineJson.strings(json, "Constraints", ComposeValues.strings(placement.get("constraints")));
        JsonNode preferences = placement.path("preferences");
        if (!preferences.isEmpty()) {
            ArrayNode list = json.putArray("Preferences");
            preferences.forEach(preference -> list.addObject().putObject("Spread")
                    .put("SpreadDescriptor", ComposeValues.textOrEmpty(preference, "spread")));
        }
        EngineJson.number(json, "MaxReplicas", placement.path("max_replicas_per_node").asLong());
        return json;
    }

    /** An update or rollback policy; the CLI defaults parallelism to 1 where the API would read 0 as "all at once". */
    ObjectNode updatePolicy(JsonNode deploy, String key, String path) {
        JsonNode policy = deploy.get(key);
        if (policy == null || policy.isNull()) {
            return null;
        }
        String policyPath = deployPath(path, key);
        ObjectNode json = EngineJson.object();
        json.put("Parallelism", ComposeValues.has(policy, "parallelism") ? policy.get("parallelism").asLong() : 1);
        durationNonZero(policy, "delay", policyPath, json, "Delay");
        EngineJson.text(json, "FailureAction", ComposeValues.text(policy, "failure_action"));
        durationNonZero(policy, "monitor", policyPath, json, "Monitor");
        json.put("MaxFailureRatio", policy.path("max_failure_ratio").asDouble());
        EngineJson.text(json, "Order", ComposeValues.text(policy, "order"));
        return json;
    }

    /** A duration the CLI holds by pointer: given, even as zero, it is sent (a zero restart delay is not the default). */
    private void duration(JsonNode section, String key, String path, ObjectNode json, String field) {
        String text = ComposeValues.text(section, key);
        if (text != null) {
            Long nanos = GoDuration.nanos(text, ComposePath.key(path, key), problems);
            if (nanos != null) {
                json.put(field, nanos);
            }
        }
    }

    private void durationNonZero(JsonNode section, String key, String path, ObjectNode json, String field) {
        String text = ComposeValues.text(section, key);
        if (text != null) {
            EngineJson.number(json, field, GoDuration.nanos(text, ComposePath.key(path, key), problems));
        }
    }


    private long unsigned(JsonNode value, String path) {
        long number = value.asLong();
        if (number < 0) {
            problems.at(path, "must not be negative");
        }
        return number;
    }

    private static String deployPath(String servicePath, String key) {
        return ComposePath.key(ComposePath.key(servicePath, "deploy"), key);
    }
}
