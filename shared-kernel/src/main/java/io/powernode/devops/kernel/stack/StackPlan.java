package io.powernode.devops.kernel.stack;

import io.powernode.devops.kernel.common.SealedValue;

import java.util.List;

/**
 * A compose file converted exactly as {@code docker stack deploy} converts it: the Engine API bodies of the stack's
 * networks, secrets, configs and services, named and labelled as the CLI names and labels them, so that a stack the
 * platform deploys and one the CLI deploys are interchangeable. Converting is done once, when the request is
 * accepted, so a redeploy applies exactly what was applied before.
 * <p>
 * Specs travel as JSON text (API 1.41 field names): the kernel does not model every Engine field, and the Docker
 * gateway sends them as they are. Secret and config references in a service spec carry {@code SecretName} /
 * {@code ConfigName} and no ids: ids exist only in the swarm, and the gateway resolves them right before it sends
 * the spec, as the CLI does.
 *
 * @param stack            the stack's name, the namespace of everything in it
 * @param networks         networks to create when missing, in name order (a stack's networks are never updated)
 * @param secrets          secrets to create, or whose labels to update when they exist
 * @param configs          configs to create, or to update when they exist
 * @param services         services to create, or to update when they exist, in name order
 * @param externalNetworks networks the file declares external: they must exist before the deploy
 */
public record StackPlan(String stack, List<NetworkPlan> networks, List<SecretPlan> secrets, List<ConfigPlan> configs,
                        List<ServicePlan> services, List<String> externalNetworks) {

    /** The label the CLI puts on everything a stack holds; {@code docker stack ls} lists stacks by it. */
    public static final String NAMESPACE_LABEL = "com.docker.stack.namespace";
    /** The service label naming the image as the compose file gave it, before any digest was resolved. */
    public static final String IMAGE_LABEL = "com.docker.stack.image";

    public StackPlan {
        networks = List.copyOf(networks);
        secrets = List.copyOf(secrets);
        configs = List.copyOf(configs);
        services = List.copyOf(services);
        externalNetworks = List.copyOf(externalNetworks);
    }

    /** The service the compose file calls {@code service}, or null. */
    public ServicePlan service(String service) {
        return services.stream().filter(plan -> plan.service().equals(service)).findFirst().orElse(null);
    }

    /** @param spec the body of {@code POST /networks/create}, its {@code Name} included */
    public record NetworkPlan(String name, String spec) {
    }

    /**
     * @param spec the SecretSpec without {@code Data}: name, labels, driver, templating
     * @param data the secret's content, sealed; null for a secret with a driver, whose content the driver provides
     */
    public record SecretPlan(String name, String spec, SealedValue data) {
    }

    /** @param spec the whole ConfigSpec, {@code Data} (base64) included: configs hold nothing secret */
    public record ConfigPlan(String name, String spec) {
    }

    /**
     * @param service the service's name in the compose file, e.g. {@code web}
     * @param name    its Docker name, {@code <stack>_<service>}
     * @param spec    the ServiceSpec, with secrets and configs referenced by name only
     */
    public record ServicePlan(String service, String name, String spec) {
    }
}
