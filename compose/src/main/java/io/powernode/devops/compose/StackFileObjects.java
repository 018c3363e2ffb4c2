package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.stack.StackPlan.ConfigPlan;
import io.powernode.devops.kernel.stack.StackPlan.SecretPlan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The secrets and configs a stack creates, as {@code docker stack deploy} creates them: every one the file
 * declares and does not mark external, named {@code <stack>_<key>} unless the file names it, labelled with the
 * stack, its content read from the file it names. A secret's content is sealed at once and never kept in the
 * clear; a secret with a driver has no content, the driver provides it.
 */
final class StackFileObjects {

    private final StackNamespace namespace;
    private final ComposeFiles files;
    private final Problems problems;

    StackFileObjects(StackNamespace namespace, ComposeFiles files, Problems problems) {
        this.namespace = namespace;
        this.files = files;
        this.problems = problems;
    }

    List<SecretPlan> secrets(Map<String, Declared> declared, Function<byte[], SealedValue> seal) {
        List<SecretPlan> plans = new ArrayList<>();
        for (Declared secret : declared.values()) {
            if (secret.external()) {
                continue;
            }
            JsonNode definition = secret.definition();
            ObjectNode spec = annotations(secret);
            String driver = ComposeValues.textOrEmpty(definition, "driver");
            SealedValue data = null;
            if (!driver.isEmpty()) {
                ObjectNode driverSpec = spec.putObject("Driver");
                driverSpec.put("Name", driver);
                EngineJson.map(driverSpec, "Options", ComposeValues.mapping(definition.get("driver_opts"), false));
            } else {
                String content = content(secret, true);
                if (content == null) {
                    continue;
                }
                data = seal.apply(content.getBytes(StandardCharsets.UTF_8));
            }
            templating(spec, definition);
            plans.add(new SecretPlan(spec.get("Name").asText(), spec.toString(), data));
        }
        plans.sort((a, b) -> a.name().compareTo(b.name()));
        return plans;
    }

    List<ConfigPlan> configs(Map<String, Declared> declared) {
        List<ConfigPlan> plans = new ArrayList<>();
        for (Declared config : declared.values()) {
            if (config.external()) {
                continue;
            }
            String content = content(config, false);
            if (content == null) {
                continue;
            }
            ObjectNode spec = annotations(config);
            spec.put("Data", Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)));
            templating(spec, config.definition());
            plans.add(new ConfigPlan(spec.get("Name").asText(), spec.toString()));
        }
        plans.sort((a, b) -> a.name().compareTo(b.name()));
        return plans;
    }

    private ObjectNode annotations(Declared object) {
        ObjectNode spec = EngineJson.object();
        spec.put("Name", object.dockerName(namespace));
        EngineJson.map(spec, "Labels", namespace.labelled(ComposeValues.mapping(object.definition().get("labels"), false)));
        return spec;
    }

    private static void templating(ObjectNode spec, JsonNode definition) {
        String templateDriver = ComposeValues.textOrEmpty(definition, "template_driver");
        if (!templateDriver.isEmpty()) {
            spec.putObject("Templating").put("Name", templateDriver);
        }
    }

    /** The content of the file the object names, or null after reporting why there is none. */
    private String content(Declared object, boolean secret) {
        String noun = secret ? "secret" : "config";
        String file = ComposeValues.textOrEmpty(object.definition(), "file");
        if (file.isEmpty()) {
            problems.at(object.path(), noun + " " + object.key() + " names no file to read its content from"
                    + (secret ? ", no driver," : "") + " and is not external");
            return null;
        }
        String content = secret ? files.readSecret(file) : files.read(file);
        if (content == null) {
            problems.at(ComposePath.key(object.path(), "file"), "the file " + file + " that " + noun + " "
                    + object.key() + " reads was not sent with the compose file");
        }
        return content;
    }
}
