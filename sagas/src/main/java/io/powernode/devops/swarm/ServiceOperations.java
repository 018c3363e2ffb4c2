package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.docker.DockerConnection;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.kernel.swarm.ServiceSpec;
import io.powernode.devops.kernel.swarm.ServiceSpec.FileReference;
import io.powernode.devops.kernel.swarm.SwarmOperation.ScaleService;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateService;

import java.util.List;
import java.util.Map;

/**
 * Services, through the raw Engine API: docker-java's ServiceSpec lacks fields the kernel's has (placement
 * MaxReplicas among them), and an update read back through a model that does not know a field would drop it.
 */
final class ServiceOperations {

    private static final String SERVICES = "/services";

    private final RegistryAuth registryAuth;

    ServiceOperations(RegistryAuth registryAuth) {
        this.registryAuth = registryAuth;
    }

    Outcome create(EngineApi api, ServiceSpec spec) {
        ObjectNode body = engineSpec(api, spec);
        JsonNode answer = api.post(SERVICES + "/create", body, registryAuth.headers(spec.registryAuth()));
        return new Outcome(answer.path("ID").asText(), SwarmObjects.warnings(answer));
    }

    /** The spec replaces the current one; Docker keeps that as the previous spec, for a rollback. */
    Outcome update(EngineApi api, UpdateService update) {
        JsonNode current = api.get(SwarmObjects.path(SERVICES, update.serviceId()));
        ObjectNode body = engineSpec(api, update.spec());
        // a changed ForceUpdate is what makes Docker replace tasks whose spec did not change
        int forceUpdate = current.path("Spec").path("TaskTemplate").path("ForceUpdate").asInt(0);
        ((ObjectNode) body.get("TaskTemplate")).put("ForceUpdate", update.forceRedeploy() ? forceUpdate + 1 : forceUpdate);
        JsonNode answer = SwarmObjects.update(api, SERVICES, current, body, Map.of(),
                registryAuth.headers(update.spec().registryAuth()));
        return new Outcome(current.path("ID").asText(), SwarmObjects.warnings(answer));
    }

    /** Only the replica count changes: the rest of the spec is sent back as Docker has it. */
    Outcome scale(EngineApi api, ScaleService scale) {
        JsonNode current = api.get(SwarmObjects.path(SERVICES, scale.serviceId()));
        ObjectNode spec = SwarmObjects.specOf(current);
        JsonNode replicated = spec.path("Mode").path("Replicated");
        if (!replicated.isObject()) {
            throw new OperationFailed(Kind.invalid, "service " + spec.path("Name").asText()
                    + " is global: it runs one task per node and has no replica count");
        }
        ((ObjectNode) replicated).put("Replicas", scale.replicas());
        return new Outcome(current.path("ID").asText(),
                SwarmObjects.warnings(SwarmObjects.update(api, SERVICES, current, spec, Map.of())));
    }

    /** Docker's own rollback: the service's previous spec becomes its spec again. */
    Outcome rollback(EngineApi api, String serviceId) {
        JsonNode current = api.get(SwarmObjects.path(SERVICES, serviceId));
        JsonNode answer = SwarmObjects.update(api, SERVICES, current, SwarmObjects.specOf(current),
                Map.of("rollback", "previous"));
        return new Outcome(current.path("ID").asText(), SwarmObjects.warnings(answer));
    }

    Outcome remove(DockerConnection manager, String serviceId) {
        manager.client().removeServiceCmd(serviceId).exec();
        return Outcome.of(serviceId);
    }

    private static ObjectNode engineSpec(EngineApi api, ServiceSpec spec) {
        return ServiceSpecJson.toEngine(spec,
                SwarmObjects.idsByName(api, FileKind.SECRET, names(spec.secrets())),
                SwarmObjects.idsByName(api, FileKind.CONFIG, names(spec.configs())));
    }

    private static List<String> names(List<FileReference> references) {
        return references == null ? List.of() : references.stream().map(FileReference::name).toList();
    }
}
