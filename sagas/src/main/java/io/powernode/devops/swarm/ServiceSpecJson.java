package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.kernel.swarm.ServiceSpec;
import io.powernode.devops.kernel.swarm.ServiceSpec.FileReference;
import io.powernode.devops.kernel.swarm.ServiceSpec.Healthcheck;
import io.powernode.devops.kernel.swarm.ServiceSpec.Mount;
import io.powernode.devops.kernel.swarm.ServiceSpec.NetworkAttachment;
import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;
import io.powernode.devops.kernel.swarm.ServiceSpec.Resources;
import io.powernode.devops.kernel.swarm.ServiceSpec.RestartPolicy;
import io.powernode.devops.kernel.swarm.ServiceSpec.UpdatePolicy;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A kernel {@link ServiceSpec} as the Engine API's ServiceSpec JSON (API 1.41), as {@code docker service create}
 * would send it: durations in nanoseconds, networks on the task template, secrets and configs by id. Null or empty
 * fields are left out, so Docker applies its defaults; the one exception is an update or rollback policy's
 * parallelism, which the CLI defaults to 1 while the API reads a missing value as "all tasks at once".
 */
final class ServiceSpecJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DEFAULT_FILE_OWNER = "0";
    private static final int DEFAULT_FILE_MODE = 0444;

    private ServiceSpecJson() {
    }

    /**
     * @param secretIds ids of the swarm's secrets by name, holding at least those the spec references
     * @param configIds the same for configs
     * @throws OperationFailed (invalid) for a global service with replicas, (not_found) for an unknown secret or config
     */
    static ObjectNode toEngine(ServiceSpec spec, Map<String, String> secretIds, Map<String, String> configIds) {
        ObjectNode json = NODES.objectNode();
        json.put("Name", spec.name());
        putMap(json, "Labels", spec.labels());
        ObjectNode task = json.putObject("TaskTemplate");
        task.set("ContainerSpec", containerSpec(spec, secretIds, configIds));
        putIfNotEmpty(task, "Resources", resources(spec.resources()));
        putIfNotEmpty(task, "RestartPolicy", restartPolicy(spec.restartPolicy()));
        putIfNotEmpty(task, "Placement", placement(spec));
        if (notEmpty(spec.networks())) {
            ArrayNode networks = task.putArray("Networks");
            spec.networks().forEach(network -> networks.add(network(network)));
        }
        json.set("Mode", mode(spec));
        putIfNotEmpty(json, "UpdateConfig", updatePolicy(spec.updateConfig()));
        putIfNotEmpty(json, "RollbackConfig", updatePolicy(spec.rollbackConfig()));
        putIfNotEmpty(json, "EndpointSpec", endpointSpec(spec));
        return json;
    }

    private static ObjectNode containerSpec(ServiceSpec spec, Map<String, String> secretIds,
                                            Map<String, String> configIds) {
        ObjectNode container = NODES.objectNode();
        container.put("Image", spec.image());
        putMap(container, "Labels", spec.containerLabels());
        putStrings(container, "Command", spec.command());
        putStrings(container, "Args", spec.args());
        if (notEmpty(spec.env())) {
            ArrayNode env = container.putArray("Env");
            new TreeMap<>(spec.env()).forEach((name, value) -> env.add(name + "=" + value));
        }
        putText(container, "Dir", spec.workdir());
        putText(container, "User", spec.user());
        putText(container, "Hostname", spec.hostname());
        if (notEmpty(spec.mounts())) {
            ArrayNode mounts = container.putArray("Mounts");
            spec.mounts().forEach(mount -> mounts.add(mount(mount)));
        }
        putNanos(container, "StopGracePeriod", spec.stopGracePeriod());
        putIfNotEmpty(container, "HealthCheck", healthcheck(spec.healthcheck()));
        putFiles(container, FileKind.SECRET, spec.secrets(), secretIds);
        putFiles(container, FileKind.CONFIG, spec.configs(), configIds);
        return container;
    }

    private static ObjectNode mount(Mount mount) {
        ObjectNode json = NODES.objectNode();
        json.put("Type", mount.type() == null ? "volume" : mount.type());
        putText(json, "Source", mount.source());
        json.put("Target", mount.target());
        json.put("ReadOnly", mount.readOnly());
        return json;
    }

    private static ObjectNode healthcheck(Healthcheck healthcheck) {
        ObjectNode json = NODES.objectNode();
        if (healthcheck != null) {
            putStrings(json, "Test", healthcheck.test());
            putNanos(json, "Interval", healthcheck.interval());
            putNanos(json, "Timeout", healthcheck.timeout());
            putNumber(json, "Retries", healthcheck.retries());
            putNanos(json, "StartPeriod", healthcheck.startPeriod());
        }
        return json;
    }

    /** Docker does not resolve names here (the CLI does), so each reference carries the object's id. */
    private static void putFiles(ObjectNode container, FileKind kind, List<FileReference> references,
                                 Map<String, String> ids) {
        if (!notEmpty(references)) {
            return;
        }
        ArrayNode files = container.putArray(kind.specField());
        for (FileReference reference : references) {
            String id = ids.get(reference.name());
            if (id == null) {
                throw kind.missing(reference.name());
            }
            ObjectNode file = NODES.objectNode();
            file.put("Name", reference.target() == null || reference.target().isBlank() ? reference.name() : reference.target());
            file.put("UID", reference.uid() == null ? DEFAULT_FILE_OWNER : reference.uid());
            file.put("GID", reference.gid() == null ? DEFAULT_FILE_OWNER : reference.gid());
            file.put("Mode", reference.mode() == null ? DEFAULT_FILE_MODE : reference.mode());
            ObjectNode entry = files.addObject();
            entry.set("File", file);
            entry.put(kind.idField(), id);
            entry.put(kind.nameField(), reference.name());
        }
    }

    private static ObjectNode resources(Resources resources) {
        ObjectNode json = NODES.objectNode();
        if (resources != null) {
            ObjectNode limits = NODES.objectNode();
            putNumber(limits, "NanoCPUs", resources.limitNanoCpus());
            putNumber(limits, "MemoryBytes", resources.limitMemoryBytes());
            putIfNotEmpty(json, "Limits", limits);
            ObjectNode reservations = NODES.objectNode();
            putNumber(reservations, "NanoCPUs", resources.reserveNanoCpus());
            putNumber(reservations, "MemoryBytes", resources.reserveMemoryBytes());
            putIfNotEmpty(json, "Reservations", reservations);
        }
        return json;
    }

    private static ObjectNode restartPolicy(RestartPolicy policy) {
        ObjectNode json = NODES.objectNode();
        if (policy != null) {
            putText(json, "Condition", policy.condition());
            putNanos(json, "Delay", policy.delay());
            putNumber(json, "MaxAttempts", policy.maxAttempts());
            putNanos(json, "Window", policy.window());
        }
        return json;
    }

    private static ObjectNode placement(ServiceSpec spec) {
        ObjectNode json = NODES.objectNode();
        putStrings(json, "Constraints", spec.constraints());
        if (notEmpty(spec.preferences())) {
            ArrayNode preferences = json.putArray("Preferences");
            spec.preferences().forEach(descriptor ->
                    preferences.addObject().putObject("Spread").put("SpreadDescriptor", descriptor));
        }
        if (spec.maxReplicasPerNode() != null && spec.maxReplicasPerNode() > 0) {
            json.put("MaxReplicas", spec.maxReplicasPerNode());
        }
        return json;
    }

    private static ObjectNode network(NetworkAttachment attachment) {
        ObjectNode json = NODES.objectNode();
        json.put("Target", attachment.network());
        putStrings(json, "Aliases", attachment.aliases());
        return json;
    }

    private static ObjectNode mode(ServiceSpec spec) {
        ObjectNode json = NODES.objectNode();
        if (spec.mode() == ServiceMode.global) {
            if (spec.replicas() != null) {
                throw new OperationFailed(Kind.invalid, "a global service runs one task per node: it takes no replica count");
            }
            json.putObject("Global");
        } else {
            json.putObject("Replicated").put("Replicas", spec.replicas() == null ? 1 : spec.replicas());
        }
        return json;
    }

    private static ObjectNode updatePolicy(UpdatePolicy policy) {
        ObjectNode json = NODES.objectNode();
        if (policy != null) {
            json.put("Parallelism", policy.parallelism() == null ? 1 : policy.parallelism());
            putNanos(json, "Delay", policy.delay());
            putText(json, "FailureAction", policy.failureAction());
            putNanos(json, "Monitor", policy.monitor());
            if (policy.maxFailureRatio() != null) {
                json.put("MaxFailureRatio", policy.maxFailureRatio());
            }
            putText(json, "Order", policy.order());
        }
        return json;
    }

    private static ObjectNode endpointSpec(ServiceSpec spec) {
        ObjectNode json = NODES.objectNode();
        putText(json, "Mode", spec.endpointMode());
        if (notEmpty(spec.ports())) {
            json.set("Ports", ports(spec.ports()));
        }
        return json;
    }

    /** An EndpointSpec's {@code Ports}: tcp and ingress mode unless said otherwise, as the CLI defaults them. */
    static ArrayNode ports(List<PublishedPort> ports) {
        ArrayNode json = NODES.arrayNode();
        for (PublishedPort port : ports) {
            ObjectNode entry = json.addObject();
            entry.put("Protocol", port.protocol() == null ? "tcp" : port.protocol());
            entry.put("TargetPort", port.target());
            putNumber(entry, "PublishedPort", port.published());
            entry.put("PublishMode", port.publishMode() == null ? "ingress" : port.publishMode());
        }
        return json;
    }

    private static void putIfNotEmpty(ObjectNode parent, String field, ObjectNode child) {
        if (!child.isEmpty()) {
            parent.set(field, child);
        }
    }

    private static void putText(ObjectNode json, String field, String value) {
        if (value != null && !value.isBlank()) {
            json.put(field, value);
        }
    }

    private static void putNumber(ObjectNode json, String field, Number value) {
        if (value instanceof Integer number) {
            json.put(field, number);
        } else if (value != null) {
            json.put(field, value.longValue());
        }
    }

    /** Go's time.Duration, which the Engine API speaks: nanoseconds. */
    private static void putNanos(ObjectNode json, String field, Duration value) {
        if (value != null) {
            json.put(field, value.toNanos());
        }
    }

    private static void putStrings(ObjectNode json, String field, List<String> values) {
        if (notEmpty(values)) {
            ArrayNode array = json.putArray(field);
            values.forEach(array::add);
        }
    }

    private static void putMap(ObjectNode json, String field, Map<String, String> values) {
        if (notEmpty(values)) {
            ObjectNode map = json.putObject(field);
            new TreeMap<>(values).forEach(map::put);
        }
    }

    private static boolean notEmpty(Collection<?> values) {
        return values != null && !values.isEmpty();
    }

    private static boolean notEmpty(Map<?, ?> values) {
        return values != null && !values.isEmpty();
    }
}
