package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the top-level networks, volumes, secrets and configs as the CLI's loader does: {@code external: true}
 * or {@code external: {name: …}}, the deprecated {@code external.name} (warned about from the version that
 * introduced {@code name}) and its conflict with {@code name}, and the combinations the loader refuses.
 */
final class Declarations {

    /** The four sections, the word the CLI's messages use for each, and the version that made external.name deprecated. */
    enum Kind {
        NETWORK("networks", "network", 5), VOLUME("volumes", "volume", 4), SECRET("secrets", "secret", 5),
        CONFIG("configs", "config", 5);

        final String section;
        final String noun;
        final int externalNameDeprecatedSince;

        Kind(String section, String noun, int externalNameDeprecatedSince) {
            this.section = section;
            this.noun = noun;
            this.externalNameDeprecatedSince = externalNameDeprecatedSince;
        }
    }

    private Declarations() {
    }

    static Map<String, Declared> load(ObjectNode root, Kind kind, ComposeVersion version, Problems problems,
                                      List<String> warnings) {
        Map<String, Declared> declared = new TreeMap<>();
        root.path(kind.section).fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            String path = ComposePath.key(kind.section, key);
            JsonNode definition = entry.getValue().isNull() ? EngineJson.object() : entry.getValue();
            JsonNode external = definition.path("external");
            boolean isExternal = external.isObject() || external.asBoolean(false);
            String name = ComposeValues.textOrEmpty(definition, "name");
            if (isExternal) {
                refuseWithExternal(kind, key, path, definition, problems);
                String externalName = ComposeValues.textOrEmpty(external, "name");
                if (!externalName.isEmpty()) {
                    if (!name.isEmpty()) {
                        problems.at(ComposePath.key(path, "name"), kind.noun + " " + key + ": " + kind.noun
                                + ".external.name and " + kind.noun + ".name conflict; only use " + kind.noun + ".name");
                    }
                    if (version.minor() >= kind.externalNameDeprecatedSince) {
                        warnings.add(kind.noun + " " + key + ": " + kind.noun + ".external.name is deprecated in favor of "
                                + kind.noun + ".name");
                    }
                    name = externalName;
                } else if (name.isEmpty()) {
                    name = key;
                }
            } else if (ComposeValues.has(definition, "driver") && ComposeValues.has(definition, "file")
                    && (kind == Kind.SECRET || kind == Kind.CONFIG)) {
                problems.at(ComposePath.key(path, "file"), kind.noun + " " + key + ": " + kind.noun + ".driver and "
                        + kind.noun + ".file conflict; only use " + kind.noun + ".driver");
            }
            declared.put(key, new Declared(key, name, isExternal, definition, path));
        });
        return declared;
    }

    /** An external volume is created by someone else: the file cannot say how. */
    private static void refuseWithExternal(Kind kind, String key, String path, JsonNode definition, Problems problems) {
        if (kind != Kind.VOLUME) {
            return;
        }
        for (String setting : List.of("driver", "driver_opts", "labels")) {
            JsonNode value = definition.get(setting);
            boolean given = setting.equals("driver") ? !ComposeValues.textOrEmpty(definition, setting).isEmpty()
                    : value != null && !value.isEmpty();
            if (given) {
                problems.at(ComposePath.key(path, setting), "conflicting parameters \"external\" and \"" + setting
                        + "\" specified for volume \"" + key + "\"");
                return;
            }
        }
    }
}
