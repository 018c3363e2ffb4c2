package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One compose service as the ServiceSpec {@code docker stack deploy} sends for it: named {@code <stack>_<key>},
 * labelled with the stack and the image as written, attached to its networks with its key as an alias, its
 * deploy section as the swarm's mode, resources, placement, restart, update and rollback policies.
 */
final class ServiceConverter {

    private final StackNamespace namespace;
    private final StackNetworks networks;
    private final Map<String, Declared> secrets;
    private final Map<String, Declared> configs;
    private final ContainerConverter containers;
    private final DeployConverter deploys;
    private final Problems problems;
    private final List<String> warnings;

    ServiceConverter(StackNamespace namespace, StackNetworks networks, Map<String, Declared> secrets,
                     Map<String, Declared> configs, ContainerConverter containers, Problems problems,
                     List<String> warnings) {
        this.namespace = namespace;
        this.networks = networks;
        this.secrets = secrets;
        this.configs = configs;
        this.containers = containers;
        this.deploys = new DeployConverter(problems);
        this.problems = problems;
        this.warnings = warnings;
    }

    ServicePlan convert(String key, JsonNode service) {
        String path = ComposePath.key("services", key);
        String name = namespace.scope(key);
        JsonNode deploy = service.path("deploy");
        String image = ComposeValues.textOrEmpty(service, "image");
        if (image.isEmpty()) {
            problems.at(path, "the service has no image: docker stack deploy does not build images");
        }

        ObjectNode spec = EngineJson.object();
        spec.put("Name", name);
        Map<String, String> labels = new TreeMap<>(namespace.labelled(ComposeValues.mapping(deploy.get("labels"), false)));
        labels.put(StackPlan.IMAGE_LABEL, image);
        EngineJson.map(spec, "Labels", labels);

        ObjectNode task = spec.putObject("TaskTemplate");
        List<String> credentialConfigs = new ArrayList<>();
        ObjectNode container = containers.containerSpec(service, path, credentialConfigs);
        FileReferences references = new FileReferences(namespace, problems);
        putArray(container, "Secrets", references.references(FileReferences.Kind.SECRET, service, path, secrets, List.of()));
        putArray(container, "Configs", references.references(FileReferences.Kind.CONFIG, service, path, configs, credentialConfigs));
        task.set("ContainerSpec", container);
        EngineJson.child(task, "LogDriver", logDriver(service.get("logging")), false);
        task.set("Resources", deploys.resources(deploy, path));
        EngineJson.child(task, "RestartPolicy", deploys.restartPolicy(service, path), false);
        task.set("Placement", deploys.placement(deploy));
        task.set("Networks", attachments(key, service, path));

        EngineJson.child(spec, "Mode", deploys.mode(deploy, path), false);
        EngineJson.child(spec, "UpdateConfig", deploys.updatePolicy(deploy, "update_config", path), false);
        EngineJson.child(spec, "RollbackConfig", deploys.updatePolicy(deploy, "rollback_config", path), false);
        spec.set("EndpointSpec", PortSpecs.endpointSpec(service, path, problems, warnings));
        return new ServicePlan(key, name, spec.toString());
    }

    private static void putArray(ObjectNode json, String field, ArrayNode values) {
        if (values != null) {
            json.set(field, values);
        }
    }

    private static ObjectNode logDriver(JsonNode logging) {
        if (logging == null || logging.isNull()) {
            return null;
        }
        ObjectNode driver = EngineJson.object();
        EngineJson.text(driver, "Name", ComposeValues.text(logging, "driver"));
        EngineJson.map(driver, "Options", ComposeValues.mapping(logging.get("options"), false));
        return driver;
    }

    /**
     * One attachment per network the service names ({@code default} when it names none), ordered by network
     * name; the service's key is added to its aliases on every network that takes aliases, which is how the
     * other services of the stack find it by its compose name.
     */
    private ArrayNode attachments(String key, JsonNode service, String path) {
        List<String> names = StackNetworks.serviceNetworks(service);
        if (names.isEmpty()) {
            names = List.of(StackNetworks.DEFAULT);
        }
        List<ObjectNode> attachments = new ArrayList<>();
        JsonNode settings = service.path("networks");
        for (int i = 0; i < names.size(); i++) {
            String network = names.get(i);
            if (!networks.isDeclared(network)) {
                String at = settings.isArray() ? ComposePath.item(ComposePath.key(path, "networks"), i)
                        : ComposePath.key(ComposePath.key(path, "networks"), network);
                problems.at(at, "undefined network \"" + network + "\"");
                continue;
            }
            JsonNode setting = settings.isObject() ? settings.path(network) : EngineJson.object();
            String target = networks.target(network);
            List<String> aliases = ComposeValues.strings(setting.get("aliases"));
            if (StackNetworks.takesAliases(target)) {
                aliases.add(key);
            }
            ObjectNode attachment = EngineJson.object();
            attachment.put("Target", target);
            EngineJson.strings(attachment, "Aliases", aliases);
            EngineJson.map(attachment, "DriverOpts", ComposeValues.mapping(setting.get("driver_opts"), false));
            attachments.add(attachment);
        }
        attachments.sort(Comparator.comparing(attachment -> attachment.get("Target").asText()));
        ArrayNode array = EngineJson.NODES.arrayNode();
        attachments.forEach(array::add);
        return array;
    }
}
