package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackPlan.ConfigPlan;
import io.powernode.devops.kernel.stack.StackPlan.NetworkPlan;
import io.powernode.devops.kernel.stack.StackPlan.SecretPlan;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link StackPlan} written by hand, named and labelled as {@code docker stack deploy} converts a compose file
 * (Engine API 1.41 field names): {@code <stack>_<name>} names, the namespace label on everything, the image label
 * on services, the compose name as alias on each network, and {@code <stack>_default} for services that name no
 * network. Services default to what works on this machine: dnsrr endpoints and a short stop grace period.
 */
final class StackPlanBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String stack;
    private final List<NetworkPlan> networks = new ArrayList<>();
    private final List<SecretPlan> secrets = new ArrayList<>();
    private final List<ConfigPlan> configs = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<String> externalNetworks = new ArrayList<>();

    StackPlanBuilder(String stack) {
        this.stack = stack;
    }

    String scoped(String name) {
        return stack + "_" + name;
    }

    StackPlanBuilder network(String name) {
        ObjectNode spec = NODES.objectNode().put("Name", scoped(name)).put("Driver", "overlay");
        spec.set("Labels", namespaceLabel());
        networks.add(new NetworkPlan(scoped(name), spec.toString()));
        return this;
    }

    StackPlanBuilder externalNetwork(String name) {
        externalNetworks.add(name);
        return this;
    }

    StackPlanBuilder secret(String name, SealedValue data) {
        ObjectNode spec = NODES.objectNode().put("Name", scoped(name));
        spec.set("Labels", namespaceLabel());
        secrets.add(new SecretPlan(scoped(name), spec.toString(), data));
        return this;
    }

    StackPlanBuilder config(String name, String content) {
        ObjectNode spec = NODES.objectNode().put("Name", scoped(name))
                .put("Data", Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)));
        spec.set("Labels", namespaceLabel());
        configs.add(new ConfigPlan(scoped(name), spec.toString()));
        return this;
    }

    /** A service on the stack's default network unless {@link Service#networks} says otherwise. */
    Service service(String name, String image) {
        Service service = new Service(name, image);
        services.add(service);
        return service;
    }

    StackPlan build() {
        List<ServicePlan> plans = new ArrayList<>();
        for (Service service : services) {
            plans.add(service.plan());
            if (service.networks.isEmpty() && networks.stream().noneMatch(n -> n.name().equals(scoped("default")))) {
                network("default");
            }
        }
        networks.sort(Comparator.comparing(NetworkPlan::name));
        plans.sort(Comparator.comparing(ServicePlan::name));
        return new StackPlan(stack, networks, secrets, configs, plans, externalNetworks);
    }

    private ObjectNode namespaceLabel() {
        return NODES.objectNode().put(StackPlan.NAMESPACE_LABEL, stack);
    }

    /** One service's spec; fields left alone keep Docker's defaults. */
    final class Service {

        private final String name;
        private final ObjectNode spec = NODES.objectNode();
        private final ObjectNode container;
        private final List<String> networks = new ArrayList<>();
        private List<String> aliases;

        private Service(String name, String image) {
            this.name = name;
            this.aliases = List.of(name);
            spec.put("Name", scoped(name));
            spec.putObject("Labels").put(StackPlan.IMAGE_LABEL, image).put(StackPlan.NAMESPACE_LABEL, stack);
            ObjectNode task = spec.putObject("TaskTemplate");
            container = task.putObject("ContainerSpec").put("Image", image).put("StopGracePeriod", 1_000_000_000L);
            container.set("Labels", namespaceLabel());
            spec.putObject("Mode").putObject("Replicated").put("Replicas", 1);
            spec.putObject("EndpointSpec").put("Mode", "dnsrr");
        }

        String name() {
            return scoped(name);
        }

        Service replicas(int replicas) {
            ((ObjectNode) spec.path("Mode").path("Replicated")).put("Replicas", replicas);
            return this;
        }

        Service args(String... args) {
            ArrayNode array = container.putArray("Args");
            List.of(args).forEach(array::add);
            return this;
        }

        Service label(String key, String value) {
            ((ObjectNode) spec.path("Labels")).put(key, value);
            return this;
        }

        /** Published in host mode: what answers on this machine (no ingress mesh here). */
        Service hostPort(int target, int published) {
            ArrayNode ports = spec.path("EndpointSpec").path("Ports") instanceof ArrayNode existing ? existing
                    : ((ObjectNode) spec.path("EndpointSpec")).putArray("Ports");
            ports.addObject().put("Protocol", "tcp").put("TargetPort", target).put("PublishedPort", published)
                    .put("PublishMode", "host");
            return this;
        }

        /** At {@code /run/secrets/<name>}, as the CLI's default target. */
        Service secret(String secretName) {
            fileReference("Secrets", "SecretName", secretName, secretName);
            return this;
        }

        Service config(String configName, String target) {
            fileReference("Configs", "ConfigName", configName, target);
            return this;
        }

        /** Networks of the stack, by their name in the compose file. */
        Service networks(String... composeNames) {
            networks.addAll(List.of(composeNames));
            return this;
        }

        /** The names it answers to on each of its networks, instead of its compose name. */
        Service aliases(String... names) {
            aliases = List.of(names);
            return this;
        }

        private void fileReference(String field, String nameField, String composeName, String target) {
            ArrayNode references = container.path(field) instanceof ArrayNode existing ? existing : container.putArray(field);
            ObjectNode reference = references.addObject();
            reference.putObject("File").put("Name", target).put("UID", "0").put("GID", "0").put("Mode", 0444);
            reference.put(nameField, scoped(composeName));
        }

        private ServicePlan plan() {
            ArrayNode attachments = ((ObjectNode) spec.path("TaskTemplate")).putArray("Networks");
            for (String network : networks.isEmpty() ? List.of("default") : networks) {
                ObjectNode attachment = attachments.addObject().put("Target", scoped(network));
                if (!aliases.isEmpty()) {
                    aliases.forEach(attachment.putArray("Aliases")::add);
                }
            }
            return new ServicePlan(name, scoped(name), spec.toString());
        }
    }
}
