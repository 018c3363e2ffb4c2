package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's references to secrets and configs, as the CLI writes them: the file inside the container is named
 * after the reference's target (by default the key it uses in the compose file), owned by root, mode 0444; the
 * object is named by its Docker name. Ids are left out: they exist only in the swarm, and the Docker gateway
 * fills them in right before it sends the spec, as the CLI looks them up right before it sends its own. Sorted by
 * name, as the CLI sorts them so that a redeploy does not restart a service for nothing.
 */
final class FileReferences {

    private static final int DEFAULT_MODE = 0444;
    private static final String ROOT = "0";

    /** Secrets or configs: the compose key, the word for messages, and the Engine API field names. */
    enum Kind {
        SECRET("secrets", "secret", "Secrets", "SecretName"), CONFIG("configs", "config", "Configs", "ConfigName");

        final String key;
        final String noun;
        final String specField;
        final String nameField;

        Kind(String key, String noun, String specField, String nameField) {
            this.key = key;
            this.noun = noun;
            this.specField = specField;
            this.nameField = nameField;
        }
    }

    private final StackNamespace namespace;
    private final Problems problems;

    FileReferences(StackNamespace namespace, Problems problems) {
        this.namespace = namespace;
        this.problems = problems;
    }

    /**
     * The references, or null when there are none.
     *
     * @param runtime Docker names of configs the runtime uses rather than a file (a credential spec's config)
     */
    ArrayNode references(Kind kind, JsonNode service, String servicePath, Map<String, Declared> declared,
                         List<String> runtime) {
        List<ObjectNode> references = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        JsonNode items = service.path(kind.key);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String path = ComposePath.item(ComposePath.key(servicePath, kind.key), i);
            String source = item.isObject() ? ComposeValues.textOrEmpty(item, "source") : item.asText();
            Declared object = declared.get(source);
            if (object == null) {
                problems.at(path, "undefined " + kind.noun + " \"" + source + "\"");
                continue;
            }
            String name = object.dockerName(namespace);
            String target = ComposeValues.textOrEmpty(item, "target");
            ObjectNode file = EngineJson.object();
            file.put("Name", target.isEmpty() ? source : target);
            file.put("UID", nonEmpty(ComposeValues.textOrEmpty(item, "uid")));
            file.put("GID", nonEmpty(ComposeValues.textOrEmpty(item, "gid")));
            file.put("Mode", item.has("mode") ? item.get("mode").asLong() : DEFAULT_MODE);
            if (!targets.add(file.get("Name").asText())) {
                problems.at(path, "duplicate " + kind.noun + " target for " + name + " not allowed");
                continue;
            }
            ObjectNode reference = EngineJson.object();
            reference.set("File", file);
            reference.put(kind.nameField, name);
            references.add(reference);
        }
        Set<String> runtimeNames = new HashSet<>();
        for (String name : runtime) {
            if (runtimeNames.add(name)) {
                ObjectNode reference = EngineJson.object();
                reference.putObject("Runtime");
                reference.put(kind.nameField, name);
                references.add(reference);
            }
        }
        if (references.isEmpty()) {
            return null;
        }
        references.sort(Comparator.comparing(reference -> reference.get(kind.nameField).asText()));
        ArrayNode array = EngineJson.NODES.arrayNode();
        references.forEach(array::add);
        return array;
    }

    private static String nonEmpty(String owner) {
        return owner.isEmpty() ? ROOT : owner;
    }
}
