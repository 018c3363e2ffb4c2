package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Checks a compose file against the project's JSON schema of compose v3 ({@code compose-v3.schema.json}), after
 * interpolation as the CLI does, and turns each violation into a problem in the CLI's terms ("must be a
 * boolean", "additional property x is not allowed") placed at the offending key or value.
 */
final class ComposeSchema {

    private static final String RESOURCE = "compose-v3.schema.json";
    private static final Schema SCHEMA = load();

    private ComposeSchema() {
    }

    private static Schema load() {
        try (InputStream schema = ComposeSchema.class.getResourceAsStream(RESOURCE)) {
            if (schema == null) {
                throw new IllegalStateException("the compose schema " + RESOURCE + " is missing from the class path");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compose schema", e);
        }
    }

    static void validate(ObjectNode root, Problems problems) {
        Set<String> reported = new HashSet<>();
        for (Error error : SCHEMA.validate(root)) {
            String path = path(error.getInstanceLocation());
            String property = error.getProperty();
            switch (error.getKeyword()) {
                case "additionalProperties" -> report(reported, ComposePath.key(path, property),
                        () -> problems.atKey(ComposePath.key(path, property), "additional property " + property + " is not allowed"));
                case "propertyNames" -> report(reported, ComposePath.key(path, property),
                        () -> problems.atKey(ComposePath.key(path, property), invalidName(path, property)));
                case "required" -> report(reported, ComposePath.key(path, property),
                        () -> problems.at(path, "missing required key " + property));
                default -> report(reported, path, () -> problems.at(path, describe(error)));
            }
        }
    }

    /** One problem per place: a value of the wrong type would otherwise also fail its nested keywords. */
    private static void report(Set<String> reported, String path, Runnable problem) {
        if (reported.add(path)) {
            problem.run();
        }
    }

    private static String describe(Error error) {
        JsonNode schema = error.getSchemaNode();
        return switch (error.getKeyword()) {
            case "type" -> "must be a " + types(schema);
            case "enum" -> "must be one of " + StreamSupport.stream(schema.spliterator(), false)
                    .map(JsonNode::asText).collect(Collectors.joining(", "));
            case "uniqueItems" -> "must not hold the same item twice";
            case "minimum" -> "must be at least " + schema.asText();
            default -> error.getMessage();
        };
    }

    /** The CLI's wording: {@code string, number or null}; a mapping and a list for object and array. */
    private static String types(JsonNode type) {
        List<String> names = type.isArray()
                ? StreamSupport.stream(type.spliterator(), false).map(JsonNode::asText).map(ComposeSchema::typeName).toList()
                : List.of(typeName(type.asText()));
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String typeName(String type) {
        return switch (type) {
            case "object" -> "mapping";
            case "array" -> "list";
            default -> type;
        };
    }

    private static String invalidName(String parent, String name) {
        if (parent.endsWith(".ulimits")) {
            return name + " is not a ulimit name: ulimits are named in lower-case letters";
        }
        return name.isEmpty() ? "a key must not be empty"
                : "\"" + name + "\" is not a valid name: use letters, digits, '.', '_' and '-'";
    }

    private static String path(NodePath location) {
        String path = ComposePath.ROOT;
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index ? ComposePath.item(path, index) : ComposePath.key(path, element.toString());
        }
        return path;
    }
}
