package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.docker.DockerConnection;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateSecret;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Secrets and configs, through the raw Engine API: docker-java's model has no config labels or templating, and a
 * secret's value is put into the request body here, right before it is sent, and nowhere else. A rotation is one
 * operation of three steps; when a step fails, the failure says which steps were done.
 */
final class FileObjectOperations {

    private final SecretData secretData;

    FileObjectOperations(SecretData secretData) {
        this.secretData = secretData;
    }

    Outcome createSecret(EngineApi api, CreateSecret create) {
        return Outcome.of(create(api, FileKind.SECRET, secretSpec(create.name(), create.labels(), create.value())));
    }

    /** Docker lets only a secret's labels change: the rest of its spec is sent back as it is. */
    Outcome updateSecretLabels(EngineApi api, String secretId, Map<String, String> labels) {
        JsonNode current = api.get(SwarmObjects.path(FileKind.SECRET.path(), secretId));
        ObjectNode spec = SwarmObjects.specOf(current);
        spec.set("Labels", labelsJson(labels));
        SwarmObjects.update(api, FileKind.SECRET.path(), current, spec, Map.of());
        return Outcome.of(current.path("ID").asText());
    }

    Outcome createConfig(EngineApi api, CreateConfig create) {
        return Outcome.of(create(api, FileKind.CONFIG,
                configSpec(create.name(), create.labels(), create.data(), create.templateDriver())));
    }

    Outcome remove(DockerConnection manager, FileKind kind, String id) {
        if (kind == FileKind.SECRET) {
            manager.client().removeSecretCmd(id).exec();
        } else {
            manager.client().removeConfigCmd(id).exec();
        }
        return Outcome.of(id);
    }

    /** Labels not given are kept from the old version. */
    Outcome rotateSecret(EngineApi api, RotateSecret rotate) {
        return rotate(api, FileKind.SECRET, rotate.secretId(), rotate.newName(), old ->
                secretSpec(null, rotate.labels() == null ? labelsOf(old) : rotate.labels(), rotate.value()));
    }

    /** Labels and template driver not given are kept from the old version. */
    Outcome rotateConfig(EngineApi api, RotateConfig rotate) {
        return rotate(api, FileKind.CONFIG, rotate.configId(), rotate.newName(), old -> configSpec(null,
                rotate.labels() == null ? labelsOf(old) : rotate.labels(), rotate.data(),
                rotate.templateDriver() == null ? old.path("Templating").path("Name").asText(null) : rotate.templateDriver()));
    }

    /**
     * Creates the new version, repoints every service whose spec references the old one (same target file, so
     * tasks read the new value where they read the old), then removes the old one.
     *
     * @param newSpec the new version's spec, given the old one's; its name is set here
     */
    private Outcome rotate(EngineApi api, FileKind kind, String oldId, String requestedName,
                           UnaryOperator<JsonNode> newSpec) {
        JsonNode old = api.get(SwarmObjects.path(kind.path(), oldId));
        String oldName = old.path("Spec").path("Name").asText();
        String newName = requestedName == null || requestedName.isBlank() ? RotationNames.next(oldName) : requestedName;
        ObjectNode spec = (ObjectNode) newSpec.apply(old.path("Spec"));
        spec.put("Name", newName);
        String newId = create(api, kind, spec);

        StepLog steps = new StepLog();
        steps.done("created " + kind.noun() + " " + newName + " (" + newId + ")");
        for (JsonNode service : api.get("/services")) {
            String serviceName = service.path("Spec").path("Name").asText();
            ObjectNode serviceSpec = SwarmObjects.specOf(service);
            if (!repoint(serviceSpec, kind, old.path("ID").asText(), newId, newName)) {
                continue;
            }
            try {
                SwarmObjects.update(api, "/services", service, serviceSpec, Map.of());
            } catch (RuntimeException e) {
                throw steps.failed("could not repoint service " + serviceName, e,
                        "the old " + kind.noun() + " " + oldName + " was kept");
            }
            steps.done("repointed service " + serviceName);
        }
        try {
            api.delete(SwarmObjects.path(kind.path(), old.path("ID").asText()));
        } catch (RuntimeException e) {
            throw steps.failed("could not remove the old " + kind.noun() + " " + oldName, e);
        }
        steps.done("removed " + kind.noun() + " " + oldName);
        return new Outcome(newId, steps.notes());
    }

    /** Points the spec's references to the old object at the new one; whether it had any. */
    private static boolean repoint(ObjectNode serviceSpec, FileKind kind, String oldId, String newId, String newName) {
        boolean changed = false;
        for (JsonNode reference : serviceSpec.path("TaskTemplate").path("ContainerSpec").path(kind.specField())) {
            if (oldId.equals(reference.path(kind.idField()).asText())) {
                ((ObjectNode) reference).put(kind.idField(), newId).put(kind.nameField(), newName);
                changed = true;
            }
        }
        return changed;
    }

    private static String create(EngineApi api, FileKind kind, ObjectNode spec) {
        return api.post(kind.path() + "/create", spec).path("ID").asText();
    }

    private ObjectNode secretSpec(String name, Map<String, String> labels, SealedValue value) {
        return secretData.into(named(name, labels), value);
    }

    private static ObjectNode configSpec(String name, Map<String, String> labels, String data, String templateDriver) {
        ObjectNode spec = named(name, labels);
        spec.put("Data", data);
        if (templateDriver != null && !templateDriver.isBlank()) {
            spec.putObject("Templating").put("Name", templateDriver);
        }
        return spec;
    }

    private static ObjectNode named(String name, Map<String, String> labels) {
        ObjectNode spec = JsonNodeFactory.instance.objectNode();
        spec.put("Name", name);
        spec.set("Labels", labelsJson(labels));
        return spec;
    }

    private static ObjectNode labelsJson(Map<String, String> labels) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (labels != null) {
            new TreeMap<>(labels).forEach(json::put);
        }
        return json;
    }

    private static Map<String, String> labelsOf(JsonNode spec) {
        Map<String, String> labels = new TreeMap<>();
        spec.path("Labels").properties().forEach(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
        return labels;
    }
}
