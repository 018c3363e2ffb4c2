package io.powernode.devops.api.swarm;

import io.powernode.devops.api.JsonBody;
import io.powernode.devops.kernel.swarm.ServiceSpec;
import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;
import io.powernode.devops.secrets.CredentialSealer;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the body of a service, as {@code docker service create} takes it, into a {@link ServiceSpec}: every
 * field at fault is named, the registry password is sealed before it leaves this class.
 */
final class ServiceSpecReader {

    /** Every field a service body may hold, creation or update. */
    static final Set<String> FIELDS = Set.of("name", "image", "command", "args", "env", "labels", "container_labels",
            "mode", "replicas", "max_replicas_per_node", "mounts", "networks", "ports", "endpoint_mode", "constraints",
            "preferences", "resources", "restart_policy", "update_config", "rollback_config", "healthcheck", "secrets",
            "configs", "user", "workdir", "hostname", "stop_grace_period", "registry_auth");

    static final int MAX_REPLICAS = 10_000;

    private static final int MAX_IMAGE = 512;
    private static final int MAX_ARGUMENTS = 200;
    private static final int MAX_ARGUMENT = 8192;
    private static final int MAX_PLACEMENT_RULES = 50;
    private static final int MAX_PLACEMENT_RULE = 512;
    private static final int MAX_PREFERENCES = 10;
    private static final int MAX_USER = 256;
    private static final int MAX_HOSTNAME = 253;
    private static final List<String> ENDPOINT_MODES = List.of("vip", "dnsrr");
    /** swarmkit's constraint syntax: an attribute, == or !=, a value. */
    private static final Pattern CONSTRAINT = Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9._-]*\\s*(==|!=)\\s*\\S.*");
    private static final Pattern SPREAD_DESCRIPTOR = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");
    private static final String SPREAD = "spread=";

    private final CredentialSealer sealer;

    ServiceSpecReader(CredentialSealer sealer) {
        this.sealer = sealer;
    }

    /**
     * @param nameRequired a creation names the service; an update may leave the name out (Docker cannot rename)
     */
    ServiceSpec read(JsonBody.Fields service, boolean nameRequired) {
        String name = SwarmFields.serviceName(service, "name", nameRequired);
        ServiceMode mode = service.oneOf("mode", ServiceMode.class, false);
        Integer replicas = service.integer("replicas", 0, MAX_REPLICAS);
        Integer maxReplicasPerNode = service.integer("max_replicas_per_node", 0, MAX_REPLICAS);
        if (mode == ServiceMode.global) {
            rejectIfGiven(service, "replicas", "cannot be set for a global service: it runs one task on every node");
            rejectIfGiven(service, "max_replicas_per_node", "is only for a replicated service");
        }
        String endpointMode = service.oneOf("endpoint_mode", ENDPOINT_MODES);
        return new ServiceSpec(name, image(service),
                service.strings("command", MAX_ARGUMENTS, MAX_ARGUMENT), service.strings("args", MAX_ARGUMENTS, MAX_ARGUMENT),
                SwarmFields.env(service, "env"), SwarmFields.labels(service, "labels"),
                SwarmFields.labels(service, "container_labels"), mode, replicas, maxReplicasPerNode,
                ServiceAttachments.mounts(service), ServiceAttachments.networks(service),
                ServiceAttachments.ports(service, endpointMode), endpointMode, constraints(service), preferences(service),
                ServicePolicies.resources(service), ServicePolicies.restartPolicy(service),
                ServicePolicies.updateConfig(service), ServicePolicies.rollbackConfig(service),
                ServicePolicies.healthcheck(service), ServiceAttachments.secrets(service),
                ServiceAttachments.configs(service), user(service), SwarmFields.absolutePath(service, "workdir", false),
                service.printable("hostname", MAX_HOSTNAME, false), service.duration("stop_grace_period"),
                RegistryCredentials.sealed(service, sealer));
    }

    /** Docker resolves the reference when it creates the tasks; here only what can never be one is refused. */
    private static String image(JsonBody.Fields service) {
        String image = service.string("image", true, MAX_IMAGE);
        if (image != null && (image.isEmpty() || image.chars().anyMatch(c -> Character.isWhitespace(c)
                || Character.isISOControl(c)))) {
            service.reject("image", "must be an image reference such as nginx:1.25 or registry.example.com/app@sha256:...");
            return null;
        }
        return image;
    }

    private static List<String> constraints(JsonBody.Fields service) {
        List<String> constraints = service.strings("constraints", MAX_PLACEMENT_RULES, MAX_PLACEMENT_RULE);
        if (constraints == null) {
            return null;
        }
        for (int i = 0; i < constraints.size(); i++) {
            if (!CONSTRAINT.matcher(constraints.get(i)).matches()) {
                service.reject("constraints[" + i + "]", "must read attribute==value or attribute!=value, "
                        + "e.g. node.role==worker or node.labels.zone==eu-1");
            }
        }
        return constraints;
    }

    /** Docker's only preference is spread: {@code "node.labels.zone"}, or {@code "spread=node.labels.zone"} as the CLI writes it. */
    private static List<String> preferences(JsonBody.Fields service) {
        List<String> preferences = service.strings("preferences", MAX_PREFERENCES, MAX_PLACEMENT_RULE);
        if (preferences == null) {
            return null;
        }
        List<String> descriptors = preferences.stream()
                .map(p -> p.startsWith(SPREAD) ? p.substring(SPREAD.length()) : p).toList();
        for (int i = 0; i < descriptors.size(); i++) {
            if (!SPREAD_DESCRIPTOR.matcher(descriptors.get(i)).matches()) {
                service.reject("preferences[" + i + "]", "must be a spread descriptor such as node.labels.zone");
            }
        }
        return descriptors;
    }

    /** A user name or id, optionally with a group: {@code "app"}, {@code "1000:1000"}. */
    private static String user(JsonBody.Fields service) {
        String user = service.string("user", false, MAX_USER);
        if (user != null && (user.isEmpty() || user.chars().anyMatch(c -> Character.isWhitespace(c)
                || Character.isISOControl(c)))) {
            service.reject("user", "must be a user name or id, optionally with a group, e.g. 1000:1000");
            return null;
        }
        return user;
    }

    private static void rejectIfGiven(JsonBody.Fields fields, String name, String message) {
        if (fields.has(name)) {
            fields.reject(name, message);
        }
    }

    private static String port(PublishedPort port) {
        return (port.published() == null ? "" : port.published() + ":") + port.target() + "/" + port.protocol()
                + ("host".equals(port.publishMode()) ? " (host)" : "");
    }
}
