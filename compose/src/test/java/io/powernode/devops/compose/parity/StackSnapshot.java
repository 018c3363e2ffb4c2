package io.powernode.devops.compose.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.kernel.stack.StackPlan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a swarm holds for one stack, in a form that can be compared with another stack deployed from the same
 * compose file: the {@code Spec} of every service, secret and config, and what a network was created with,
 * found by the stack's namespace label. The stack's name is replaced by {@code <stack>} wherever it appears, and
 * the ids Docker assigned (a network a service attaches to, a secret or config it references) by the names they
 * stand for, so that {@code docker stack deploy} of a file as {@code a} and a platform deploy of it as {@code b}
 * compare equal exactly when Docker was asked for the same things.
 * <p>
 * A network's address pools and VXLAN ids are left out: Docker allocates them, and two networks never share them.
 */
public final class StackSnapshot {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String STACK = "<stack>";
    /** The overlay's VXLAN ids, which Docker allocates per network. */
    private static final String VXLAN_IDS = "com.docker.network.driver.overlay.vxlanid_list";

    private final String stack;
    private final Map<String, JsonNode> objects;

    private StackSnapshot(String stack, Map<String, JsonNode> objects) {
        this.stack = stack;
        this.objects = objects;
    }

    public static StackSnapshot read(EngineApi api, String stack) {
        String label = StackPlan.NAMESPACE_LABEL + "=" + stack;
        Map<String, String> networkNames = new HashMap<>();
        api.get("/networks").forEach(network -> networkNames.put(network.path("Id").asText(), network.path("Name").asText()));
        Map<String, String> configNames = new HashMap<>();
        api.get("/configs").forEach(config -> configNames.put(config.path("ID").asText(), config.path("Spec").path("Name").asText()));
        Pattern stackName = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(stack) + "(?![A-Za-z0-9])");

        Map<String, JsonNode> objects = new TreeMap<>();
        for (JsonNode service : api.listByLabel("services", label)) {
            ObjectNode spec = service.path("Spec").deepCopy();
            ObjectNode task = (ObjectNode) spec.path("TaskTemplate");
            task.path("Networks").forEach(attachment ->
                    ((ObjectNode) attachment).put("Target", nameOf(networkNames, attachment.path("Target").asText())));
            JsonNode container = task.path("ContainerSpec");
            container.path("Secrets").forEach(reference -> ((ObjectNode) reference).remove("SecretID"));
            container.path("Configs").forEach(reference -> ((ObjectNode) reference).remove("ConfigID"));
            JsonNode credentialSpec = container.path("Privileges").path("CredentialSpec");
            if (credentialSpec.has("Config")) {
                ((ObjectNode) credentialSpec).put("Config", nameOf(configNames, credentialSpec.path("Config").asText()));
            }
            put(objects, "service", spec, stackName);
        }
        for (JsonNode network : api.listByLabel("networks", label)) {
            ObjectNode created = network.deepCopy();
            created.remove(List.of("Id", "Created", "Containers", "Peers", "Services"));
            ((ObjectNode) created.path("IPAM")).remove("Config");
            ((ObjectNode) created.path("Options")).remove(VXLAN_IDS);
            put(objects, "network", created, stackName);
        }
        for (JsonNode secret : api.listByLabel("secrets", label)) {
            put(objects, "secret", secret.path("Spec").deepCopy(), stackName);
        }
        for (JsonNode config : api.listByLabel("configs", label)) {
            put(objects, "config", config.path("Spec").deepCopy(), stackName);
        }
        return new StackSnapshot(stack, objects);
    }

    /** An id's name; an id no list names (the swarm's own host network) is the same in every stack, kept. */
    private static String nameOf(Map<String, String> names, String id) {
        return names.getOrDefault(id, id);
    }

    private static void put(Map<String, JsonNode> objects, String kind, JsonNode object, Pattern stackName) {
        JsonNode normal = normalised(object, stackName);
        objects.put(kind + " " + normal.path("Name").asText(), normal);
    }

    private static JsonNode normalised(JsonNode value, Pattern stackName) {
        if (value.isObject()) {
            ObjectNode object = NODES.objectNode();
            value.fields().forEachRemaining(field ->
                    object.set(replace(field.getKey(), stackName), normalised(field.getValue(), stackName)));
            return object;
        }
        if (value.isArray()) {
            ArrayNode array = NODES.arrayNode();
            value.forEach(item -> array.add(normalised(item, stackName)));
            return array;
        }
        return value.isTextual() ? NODES.textNode(replace(value.textValue(), stackName)) : value;
    }

    private static String replace(String text, Pattern stackName) {
        return stackName.matcher(text).replaceAll(Matcher.quoteReplacement(STACK));
    }

    public String stack() {
        return stack;
    }

    /** The objects by kind and normalised name, e.g. {@code service <stack>_web}. */
    public Map<String, JsonNode> objects() {
        return objects;
    }

    /** Every difference from {@code expected}, one line each with its JSON path; empty when they are alike. */
    public List<String> differencesFrom(StackSnapshot expected) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(objects.keySet());
        names.addAll(expected.objects.keySet());
        for (String name : names) {
            JsonNode mine = objects.get(name);
            JsonNode theirs = expected.objects.get(name);
            if (mine == null) {
                differences.add(name + ": in " + expected.stack + " only");
            } else if (theirs == null) {
                differences.add(name + ": in " + stack + " only");
            } else {
                compare(name, theirs, mine, expected.stack, differences);
            }
        }
        return differences;
    }

    private void compare(String path, JsonNode expected, JsonNode actual, String expectedStack, List<String> differences) {
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> fields = new TreeSet<>();
            expected.fieldNames().forEachRemaining(fields::add);
            actual.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                compare(path + "." + field, expected.path(field), actual.path(field), expectedStack, differences);
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            Iterator<JsonNode> mine = actual.iterator();
            int index = 0;
            for (JsonNode item : expected) {
                compare(path + "[" + index++ + "]", item, mine.next(), expectedStack, differences);
            }
        } else if (!expected.equals(actual)) {
            differences.add(path + ": " + describe(expected) + " in " + expectedStack + ", "
                    + describe(actual) + " in " + stack);
        }
    }

    private static String describe(JsonNode value) {
        return value.isMissingNode() ? "(missing)" : value.toString();
    }

    @Override
    public String toString() {
        return stack + " " + objects.keySet();
    }
}
