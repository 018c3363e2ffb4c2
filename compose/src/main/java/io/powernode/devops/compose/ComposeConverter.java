package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.compose.Declarations.Kind;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackPlan.ConfigPlan;
import io.powernode.devops.kernel.stack.StackPlan.NetworkPlan;
import io.powernode.devops.kernel.stack.StackPlan.SecretPlan;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Converts a compose file (format 3.x) into the {@link StackPlan} {@code docker stack deploy} (CLI 28) would
 * apply for it, so that a stack the platform deploys and one the CLI deploys are interchangeable. The steps are
 * the CLI's, in its order: read the YAML, check the version, refuse the keys a swarm cannot honour, substitute
 * variables, check the schema, then convert networks, secrets, configs and services. Pure: nothing is read but
 * the arguments, nothing is written; safe to share between threads.
 */
public final class ComposeConverter {

    private final ComposeLimits limits;
    private final ComposeYaml yaml;

    public ComposeConverter() {
        this(ComposeLimits.defaults());
    }

    public ComposeConverter(ComposeLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.yaml = new ComposeYaml(limits);
    }

    /**
     * Parses, checks against the compose schema, interpolates, converts.
     *
     * @param stackName   the stack's name, which scopes and labels everything in it
     * @param compose     the compose file's text
     * @param environment the variables {@code ${VAR}} reads, and that a bare {@code environment} entry or
     *                    {@code env_file} line takes its value from (the environment of the CLI's process)
     * @param files       contents of the files the compose file names ({@code env_file}, a secret's or config's
     *                    {@code file}), by the path it names them with
     * @param sealSecret  seals a secret's content: the plan never holds one in the clear
     * @throws ComposeInvalid listing what is wrong with the file, placed by path, line and column
     */
    public Conversion convert(String stackName, String compose, Map<String, String> environment,
                              Map<String, String> files, Function<byte[], SealedValue> sealSecret) {
        if (stackName == null || stackName.isBlank()) {
            throw new IllegalArgumentException("invalid stack name: \"" + stackName + "\"");
        }
        Objects.requireNonNull(compose, "compose");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(sealSecret, "sealSecret");

        ComposeDocument document = yaml.read(compose);
        ObjectNode root = document.root();
        Problems problems = new Problems(document.locations());
        List<String> warnings = new ArrayList<>(document.warnings());
        checkServiceCount(root, problems);
        ComposeVersion version = ComposeVersion.of(root, problems);
        SwarmModeKeys.refuse(root, problems);
        problems.throwIfAny();
        warnings.addAll(SwarmModeKeys.warnings(root));
        warnings.addAll(new Interpolation(environment::get, problems).apply(root));
        problems.throwIfAny();
        ComposeSchema.validate(root, problems);
        problems.throwIfAny();
        VersionedKeys.check(root, version, problems);
        problems.throwIfAny();

        Map<String, Declared> networks = Declarations.load(root, Kind.NETWORK, version, problems, warnings);
        Map<String, Declared> volumes = Declarations.load(root, Kind.VOLUME, version, problems, warnings);
        Map<String, Declared> secrets = Declarations.load(root, Kind.SECRET, version, problems, warnings);
        Map<String, Declared> configs = Declarations.load(root, Kind.CONFIG, version, problems, warnings);
        problems.throwIfAny();

        StackNamespace namespace = new StackNamespace(stackName);
        ComposeFiles composeFiles = new ComposeFiles(files);
        ObjectNode services = root.has("services") ? (ObjectNode) root.get("services") : EngineJson.object();
        StackNetworks stackNetworks = new StackNetworks(namespace, networks);
        Set<String> usedNetworks = StackNetworks.used(services);
        List<NetworkPlan> networkPlans = stackNetworks.toCreate(usedNetworks);
        StackFileObjects fileObjects = new StackFileObjects(namespace, composeFiles, problems);
        List<SecretPlan> secretPlans = fileObjects.secrets(secrets, sealSecret);
        List<ConfigPlan> configPlans = fileObjects.configs(configs);

        Function<String, String> lookup = environment::get;
        MountSpecs mounts = new MountSpecs(namespace, volumes, lookup, problems);
        ServiceEnvironment serviceEnvironment = new ServiceEnvironment(lookup, composeFiles, problems);
        ContainerConverter containers = new ContainerConverter(namespace, configs, serviceEnvironment, mounts, problems);
        ServiceConverter converter = new ServiceConverter(namespace, stackNetworks, secrets, configs, containers,
                problems, warnings);
        List<ServicePlan> servicePlans = new ArrayList<>();
        services.fieldNames().forEachRemaining(key -> servicePlans.add(converter.convert(key, services.get(key))));
        servicePlans.sort((a, b) -> a.name().compareTo(b.name()));
        problems.throwIfAny();

        StackPlan plan = new StackPlan(stackName, networkPlans, secretPlans, configPlans, servicePlans,
                stackNetworks.external(usedNetworks));
        return new Conversion(plan, warnings, composeFiles.readBySecrets());
    }

    private void checkServiceCount(ObjectNode root, Problems problems) {
        JsonNode services = root.get("services");
        if (services != null && services.size() > limits.maxServices()) {
            problems.at("services", "the file declares " + services.size() + " services; at most "
                    + limits.maxServices() + " are accepted");
            problems.throwIfAny();
        }
    }
}
