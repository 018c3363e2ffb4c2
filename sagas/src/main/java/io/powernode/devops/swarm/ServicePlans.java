package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;
import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One service of a stack brought to its plan, as {@code docker stack deploy} brings each: created when Docker has
 * no service of its name, else updated with the plan's spec in full, at the version it was (freshly) read at. From the
 * existing spec only {@code ForceUpdate} is kept (a deploy has no "force": carrying the counter over keeps tasks
 * that did not change from being replaced), and the image as {@link ImageResolution} decides.
 */
final class ServicePlans {

    private final RegistryAuth registryAuth;

    ServicePlans(RegistryAuth registryAuth) {
        this.registryAuth = registryAuth;
    }

    /**
     * @param existing the service Docker has under the plan's name, or null
     * @return the service's id
     * @throws OperationFailed saying which service could not be created or updated, after the steps done before
     */
    String apply(EngineApi api, ServicePlan plan, JsonNode existing, DeployOptions options, SwarmFiles files,
                 StepLog steps) {
        String action = existing == null ? "create" : "update";
        try {
            Map<String, String> auth = registryAuth.headers(options.registryAuth());
            Written written = existing == null ? create(api, plan, options, files, auth)
                    : SwarmObjects.updateFresh(api, StackObjects.SERVICES, existing,
                    current -> update(api, plan, current, options, files, auth));
            steps.done(action + "d service " + plan.name() + " (" + written.id() + ")");
            written.warnings().forEach(steps::warn);
            return written.id();
        } catch (RuntimeException e) {
            throw steps.failed("could not " + action + " service " + plan.name(), e);
        }
    }

    private static Written create(EngineApi api, ServicePlan plan, DeployOptions options, SwarmFiles files,
                                  Map<String, String> auth) {
        ObjectNode spec = spec(plan, files);
        Optional<String> unresolved = ImageResolution.resolve(api, spec, null, options.resolveImage(), auth);
        JsonNode answer = api.post(StackObjects.SERVICES + "/create", spec, auth);
        return new Written(answer.path("ID").asText(), unresolved, answer);
    }

    private static Written update(EngineApi api, ServicePlan plan, JsonNode current, DeployOptions options,
                                  SwarmFiles files, Map<String, String> auth) {
        ObjectNode spec = spec(plan, files);
        Optional<String> unresolved = ImageResolution.resolve(api, spec, current, options.resolveImage(), auth);
        ((ObjectNode) spec.path("TaskTemplate")).put("ForceUpdate",
                current.path("Spec").path("TaskTemplate").path("ForceUpdate").asLong(0));
        JsonNode answer = SwarmObjects.update(api, StackObjects.SERVICES, current, spec, Map.of(), auth);
        return new Written(current.path("ID").asText(), unresolved, answer);
    }

    /** The plan's spec with the ids of the secrets and configs it references. */
    private static ObjectNode spec(ServicePlan plan, SwarmFiles files) {
        ObjectNode spec = PlanSpecs.read(plan.spec(), "service " + plan.name());
        if (!spec.path("TaskTemplate").path("ContainerSpec").isObject()) {
            throw new OperationFailed(Kind.invalid, "the plan of service " + plan.name() + " has no container spec");
        }
        files.resolve(spec);
        return spec;
    }

    /** A service Docker took, and the warnings to pass on: the image's resolution first, then Docker's own. */
    private record Written(String id, List<String> warnings) {

        Written(String id, Optional<String> unresolved, JsonNode answer) {
            this(id, Stream.concat(unresolved.stream(), SwarmObjects.warnings(answer).stream()).toList());
        }
    }
}
