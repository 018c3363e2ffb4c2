package io.powernode.devops.api.stack;

import io.powernode.devops.api.JsonBody;
import io.powernode.devops.api.swarm.RegistryCredentials;
import io.powernode.devops.api.swarm.SwarmFields;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.stack.StackIds;
import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import io.powernode.devops.kernel.stack.StackRevision.ResolveImage;
import io.powernode.devops.kernel.stack.Strategy;
import io.powernode.devops.secrets.CredentialSealer;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the bodies of the stack and deployment endpoints. A deploy carries what {@code docker stack deploy}
 * reads besides its flags: the compose file, the environment it interpolates and the files it names; registry
 * credentials are sealed here. Every field at fault is named in one answer.
 */
@Component
class StackRequests {

    static final String STACK = "stack";
    static final String COMPOSE = "compose";
    private static final String DEPLOYMENT = "deployment";
    static final String STRATEGY = "strategy";
    private static final Set<String> UPDATE = Set.of(COMPOSE, "environment", "files", "prune", "resolve_image",
            "with_registry_auth", RegistryCredentials.FIELD, STRATEGY);
    private static final Set<String> CREATION = with(UPDATE, "cluster_id", "name");
    private static final Set<String> DEPLOYMENT_FIELDS = Set.of(STRATEGY);
    private static final int MAX_VARIABLES = 1000;
    private static final int MAX_VARIABLE_VALUE = 64 * 1024;
    private static final int MAX_FILES = 100;
    /** Docker keeps a config or a secret of up to 1000 KiB, the most a file can feed. */
    private static final int MAX_FILE = 1000 * 1024;
    private static final int MAX_PATH = 1024;
    /** A shell variable name, which is what ${VAR} can name. */
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final JsonBody body;
    private final CredentialSealer sealer;

    StackRequests(JsonBody body, CredentialSealer sealer) {
        this.body = body;
        this.sealer = sealer;
    }

    /**
     * A deploy as the compose file and its options ask for it, not yet converted.
     *
     * @param clusterId null for an update, whose stack names its cluster
     */
    record StackDeploy(String clusterId, String name, String compose, Map<String, String> environment,
                       Map<String, String> files, DeployOptions options, Strategy strategy) {
    }

    /** {@code POST /stacks}: a stack's first deploy, or a deploy of a stack the cluster already runs by that name. */
    StackDeploy creation(String json) {
        JsonBody.Fields stack = body.open(json, STACK, CREATION);
        String clusterId = SwarmFields.id(stack, "cluster_id", true);
        String name = stack.string("name", true, 63);
        if (name != null && !StackIds.VALID_NAME.matcher(name).matches()) {
            stack.reject("name", "must start with a letter or digit and hold only letters, digits, - and _");
        }
        return deploy(stack, clusterId, name);
    }

    /** {@code PUT /stacks/:id}: the stack deployed again with a new compose file. */
    StackDeploy update(String json, String name) {
        return deploy(body.open(json, STACK, UPDATE), null, name);
    }

    /** {@code POST /deployments/:id/redeploy} and {@code /rollback}: an optional strategy; none is rolling. */
    Strategy deploymentStrategy(String json) {
        if (json == null || json.isBlank()) {
            return StrategyReader.ROLLING;
        }
        JsonBody.Fields deployment = body.open(json, DEPLOYMENT, DEPLOYMENT_FIELDS);
        Strategy strategy = StrategyReader.read(deployment, STRATEGY);
        deployment.done();
        return strategy;
    }

    private StackDeploy deploy(JsonBody.Fields stack, String clusterId, String name) {
        String compose = stack.string(COMPOSE, true);
        if (compose != null && compose.isBlank()) {
            stack.reject(COMPOSE, "must not be empty");
        }
        Map<String, String> environment = stack.stringMap("environment", MAX_VARIABLES, MAX_VARIABLE_VALUE,
                key -> VARIABLE.matcher(key).matches() ? null : "names variables as ${VAR} can: " + key + " cannot be one");
        Map<String, String> files = stack.stringMap("files", MAX_FILES, MAX_FILE,
                key -> key.isEmpty() || key.length() > MAX_PATH ? "names files by their path, 1 to " + MAX_PATH
                        + " characters" : null);
        boolean prune = Boolean.TRUE.equals(stack.bool("prune"));
        ResolveImage resolveImage = stack.oneOf("resolve_image", ResolveImage.class, false);
        SealedValue registryAuth = RegistryCredentials.sealed(stack, sealer);
        if (Boolean.TRUE.equals(stack.bool("with_registry_auth")) && registryAuth == null
                && !stack.has(RegistryCredentials.FIELD)) {
            stack.reject("with_registry_auth", "needs " + RegistryCredentials.FIELD
                    + ": the platform has no docker login of its own to send");
        }
        Strategy strategy = StrategyReader.read(stack, STRATEGY);
        stack.done();
        return new StackDeploy(clusterId, name, compose, environment == null ? Map.of() : environment,
                files == null ? Map.of() : files,
                new DeployOptions(prune, resolveImage == null ? ResolveImage.always : resolveImage, registryAuth),
                strategy);
    }

    private static Set<String> with(Set<String> fields, String... more) {
        Set<String> all = new HashSet<>(fields);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }
}
