package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.docker.DockerConnection;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateSecret;
import io.powernode.devops.secrets.CredentialSealer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Secrets and configs, through the raw Engine API: docker-java's model has no config labels or templating, and a
 * secret's value is put into the request body here, right before it is sent, and nowhere else. A rotation is one
 * operation of three steps; when a step fails, the failure says which steps were done.
 */
final class FileObjectOperations {

    private final CredentialSealer sealer;

    FileObjectOperations(CredentialSealer sealer) {
        this.sealer = sealer;
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

        List<String> done = new ArrayList<>();
        done.add("created " + kind.noun() + " " + newName + " (" + newId + ")");
        for (JsonNode service : api.get("/services")) {
            String serviceName = service.path("Spec").path("Name").asText();
            ObjectNode serviceSpec = SwarmObjects.specOf(service);
            if (!repoint(serviceSpec, kind, old.path("ID").asText(), newId, newName)) {
                continue;
            }
            try {
                SwarmObjects.update(api, "/services", service, serviceSpec, Map.of());
            } catch (RuntimeException e) {
                throw stepFailed(done, "could not repoint service " + serviceName, e,
                        "the old " + kind.noun() + " " + oldName + " was kept");
            }
            done.add("repointed service " + serviceName);
        }
        try {
            api.delete(SwarmObjects.path(kind.path(), old.path("ID").asText()));
        } catch (RuntimeException e) {
            throw stepFailed(done, "could not remove the old " + kind.noun() + " " + oldName, e, null);
        }
        done.add("removed " + kind.noun() + " " + oldName);
        return new Outcome(newId, done);
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

    /**
     * A step of a rotation failed: the failure keeps the kind of Docker's answer and says what had been done, so
     * the operator knows where things stand.
     *
     * @param consequence what that leaves behind, or null
     */
    static OperationFailed stepFailed(List<String> done, String step, RuntimeException cause, String consequence) {
        OperationFailure failure = OperationFailures.classify(cause);
        return new OperationFailed(failure.kind(), String.join("; ", done) + "; but " + step + ": "
                + failure.message() + (consequence == null ? "" : "; " + consequence));
    }

    private static String create(EngineApi api, FileKind kind, ObjectNode spec) {
        return api.post(kind.path() + "/create", spec).path("ID").asText();
    }

    /** The value is opened only now, and its plain bytes are wiped once encoded. */
    private ObjectNode secretSpec(String name, Map<String, String> labels, SealedValue value) {
        ObjectNode spec = named(name, labels);
        byte[] plain = sealer.openValue(value);
        try {
            spec.put("Data", Base64.getEncoder().encodeToString(plain));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        return spec;
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
