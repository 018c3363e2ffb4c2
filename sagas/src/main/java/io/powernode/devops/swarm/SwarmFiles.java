package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.powernode.devops.docker.EngineApi;

import java.util.HashMap;
import java.util.Map;

/**
 * The ids of the swarm's secrets and configs by name, read once for all the services of a deploy. A plan's
 * service spec references them by name only (ids exist only in the swarm); Docker wants the id too.
 */
final class SwarmFiles {

    private final Map<FileKind, Map<String, String>> ids;

    private SwarmFiles(Map<FileKind, Map<String, String>> ids) {
        this.ids = ids;
    }

    static SwarmFiles read(EngineApi api) {
        Map<FileKind, Map<String, String>> ids = new HashMap<>();
        for (FileKind kind : FileKind.values()) {
            Map<String, String> byName = new HashMap<>();
            StackObjects.all(api, kind.path()).forEach((name, object) -> byName.put(name, object.path("ID").asText()));
            ids.put(kind, byName);
        }
        return new SwarmFiles(ids);
    }

    /**
     * Sets the id beside each name the spec's ContainerSpec references, and in place of the name of the config a
     * credential spec is read from (Docker wants its id there, and the CLI puts it there).
     *
     * @throws OperationFailed (not_found) for a name the swarm does not hold
     */
    void resolve(ObjectNode serviceSpec) {
        JsonNode container = serviceSpec.path("TaskTemplate").path("ContainerSpec");
        for (FileKind kind : FileKind.values()) {
            for (JsonNode reference : container.path(kind.specField())) {
                ((ObjectNode) reference).put(kind.idField(), idOf(kind, reference.path(kind.nameField()).asText()));
            }
        }
        if (container.path("Privileges").path("CredentialSpec").path("Config") instanceof TextNode config) {
            ((ObjectNode) container.path("Privileges").path("CredentialSpec")).put("Config",
                    idOf(FileKind.CONFIG, config.textValue()));
        }
    }

    private String idOf(FileKind kind, String name) {
        String id = ids.get(kind).get(name);
        if (id == null) {
            throw kind.missing(name);
        }
        return id;
    }
}
