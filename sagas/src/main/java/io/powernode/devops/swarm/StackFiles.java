package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackPlan.ConfigPlan;
import io.powernode.devops.kernel.stack.StackPlan.SecretPlan;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;

import java.util.Map;

/**
 * A stack's secrets and configs, as {@code docker stack deploy} writes them: each looked up by name, updated when
 * it exists (with its whole spec: Docker accepts the update only when nothing but the labels differ), created
 * otherwise. A secret's content is opened only into the request that carries it.
 */
final class StackFiles {

    /** swarmkit's answer to an update that would change a secret's or config's content. */
    private static final String CONTENT_CHANGED = "only updates to Labels are allowed";

    private final SecretData secretData;

    StackFiles(SecretData secretData) {
        this.secretData = secretData;
    }

    void write(EngineApi api, StackPlan plan, StepLog steps) {
        Map<String, JsonNode> secrets = StackObjects.all(api, FileKind.SECRET.path());
        for (SecretPlan secret : plan.secrets()) {
            ObjectNode spec = PlanSpecs.read(secret.spec(), "secret " + secret.name());
            // a secret with a driver has no data of its own: the driver provides it
            write(api, FileKind.SECRET, secret.name(), secret.data() == null ? spec : secretData.into(spec, secret.data()),
                    secrets.get(secret.name()), steps);
        }
        Map<String, JsonNode> configs = StackObjects.all(api, FileKind.CONFIG.path());
        for (ConfigPlan config : plan.configs()) {
            write(api, FileKind.CONFIG, config.name(), PlanSpecs.read(config.spec(), "config " + config.name()),
                    configs.get(config.name()), steps);
        }
    }

    private static void write(EngineApi api, FileKind kind, String name, ObjectNode spec, JsonNode existing,
                              StepLog steps) {
        if (existing == null) {
            try {
                String id = api.post(kind.path() + "/create", spec).path("ID").asText();
                steps.done("created " + kind.noun() + " " + name + " (" + id + ")");
            } catch (RuntimeException e) {
                throw steps.failed("could not create " + kind.noun() + " " + name, e);
            }
            return;
        }
        try {
            SwarmObjects.update(api, kind.path(), existing, spec, Map.of());
            steps.done("updated " + kind.noun() + " " + name);
        } catch (RuntimeException e) {
            throw steps.failed("could not update " + kind.noun() + " " + name, contentChanged(kind, name, e));
        }
    }

    /** Docker's refusal to change a content, in words that say what to do instead. */
    private static RuntimeException contentChanged(FileKind kind, String name, RuntimeException refusal) {
        OperationFailure failure = OperationFailures.classify(refusal);
        if (failure.kind() != Kind.invalid || !failure.message().contains(CONTENT_CHANGED)) {
            return refusal;
        }
        return new OperationFailed(Kind.invalid, "Docker " + kind.noun() + "s are immutable and " + name
                + " exists with other content; give the new content a new name (e.g. name: " + name
                + "_v2 in the compose file) and let the services use that one");
    }
}
