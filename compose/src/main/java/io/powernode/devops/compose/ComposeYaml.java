package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a compose file's YAML into a JSON tree, safely and as the CLI reads it: only SnakeYAML's parser and
 * composer run (no object construction, so no tag can instantiate anything), scalars are typed by
 * {@link YamlScalars}, merge keys ({@code <<}) are applied with explicit keys and earlier merges winning, a key
 * given twice is refused, and only the first YAML document is read. Limits bound the text, the nesting and the
 * alias expansions, which is what keeps a small malicious file from growing without end.
 */
final class ComposeYaml {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MERGE_KEY = "<<";
    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

    private final ComposeLimits limits;

    ComposeYaml(ComposeLimits limits) {
        this.limits = limits;
    }

    /**
     * @throws ComposeInvalid when the text is too large, is not YAML, or breaks a limit
     */
    ComposeDocument read(String text) {
        Locations locations = new Locations();
        Problems problems = new Problems(locations);
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxBytes()) {
            problems.at(ComposePath.ROOT, "the file has " + bytes + " bytes; at most " + limits.maxBytes() + " are accepted");
            problems.throwIfAny();
        }
        List<String> warnings = new ArrayList<>();
        Node root = compose(text, problems, warnings);
        problems.throwIfAny();
        if (!(root instanceof MappingNode)) {
            problems.atPosition(ComposePath.ROOT, root == null ? null : position(root.getStartMark()),
                    "top-level object must be a mapping");
            problems.throwIfAny();
        }
        JsonNode tree = new TreeBuilder(locations, problems).build(root, ComposePath.ROOT, 0);
        problems.throwIfAny();
        return new ComposeDocument((ObjectNode) tree, locations, warnings);
    }

    private Node compose(String text, Problems problems, List<String> warnings) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(limits.maxBytes());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setAllowRecursiveKeys(false);
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new PlainScalars(), options);
            Node first = composer.checkNode() ? composer.getNode() : null;
            int more = 0;
            while (composer.checkNode()) {
                composer.getNode();
                more++;
            }
            if (more > 0) {
                warnings.add("The file holds " + (more + 1) + " YAML documents: only the first is read, as docker stack deploy reads it");
            }
            return first;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.atPosition(ComposePath.ROOT, position(mark), "invalid YAML: " + describe(e));
        } catch (YAMLException e) {
            problems.at(ComposePath.ROOT, "the file is refused: " + e.getMessage());
        }
        return null;
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        return e.getContext() == null ? problem : e.getContext() + ": " + problem;
    }

    private static SourcePosition position(Mark mark) {
        return mark == null ? null : new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
    }

    /**
     * Marks every untagged plain scalar so that {@link YamlScalars} types it, instead of SnakeYAML's YAML 1.1
     * resolvers; quoted scalars resolve to strings as before.
     */
    private static final class PlainScalars extends Resolver {

        static final Tag PLAIN = new Tag("tag:powernode.io,2024:plain");

        @Override
        protected void addImplicitResolvers() {
            // none: YamlScalars decides
        }

        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            return kind == NodeId.scalar && implicit ? PLAIN : super.resolve(kind, value, implicit);
        }
    }

    /**
     * Turns the composed node graph into a tree, expanding aliases within the limits: a reuse of an anchored
     * value counts as one alias expansion, and the whole expanded tree may hold no more values than a file of
     * {@code maxBytes} could write out (a value takes at least two bytes), so nested aliases cannot multiply.
     */
    private final class TreeBuilder {

        private final Locations locations;
        private final Problems problems;
        private final Map<Node, Boolean> visited = new IdentityHashMap<>();
        private final int maxValues = Math.max(1, limits.maxBytes() / 2);
        private int expansions;
        private int values;

        TreeBuilder(Locations locations, Problems problems) {
            this.locations = locations;
            this.problems = problems;
        }

        JsonNode build(Node node, String path, int depth) {
            return build(node, path, depth, false);
        }

        /** @param reused whether this node is inside an alias expansion already counted */
        private JsonNode build(Node node, String path, int depth, boolean reused) {
            if (depth > limits.maxDepth()) {
                throw limitBroken(path, "the file nests deeper than " + limits.maxDepth() + " levels");
            }
            boolean seen = visited.put(node, Boolean.TRUE) != null;
            if (seen && !reused && ++expansions > limits.maxAliases()) {
                throw limitBroken(path, "the file expands aliases more than " + limits.maxAliases() + " times");
            }
            if (++values > maxValues) {
                throw limitBroken(path, "the file expands aliases to more than " + maxValues + " values");
            }
            locations.value(path, position(node.getStartMark()));
            boolean inExpansion = reused || seen;
            if (node instanceof MappingNode mapping) {
                return mapping(mapping, path, depth, inExpansion);
            }
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = NODES.arrayNode();
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) {
                    array.add(build(items.get(i), ComposePath.item(path, i), depth + 1, inExpansion));
                }
                return array;
            }
            return scalar((ScalarNode) node, path);
        }

        private ObjectNode mapping(MappingNode mapping, String path, int depth, boolean reused) {
            Map<String, JsonNode> entries = new LinkedHashMap<>();
            Map<String, Mark> explicit = new LinkedHashMap<>();
            List<NodeTuple> merges = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (isMergeKey(keyNode)) {
                    merges.add(tuple);
                    continue;
                }
                String key = key(keyNode, path);
                if (key == null) {
                    continue;
                }
                String child = ComposePath.key(path, key);
                Mark earlier = explicit.putIfAbsent(key, keyNode.getStartMark());
                if (earlier != null) {
                    problems.atPosition(child, position(keyNode.getStartMark()),
                            "mapping key \"" + key + "\" already defined at line " + (earlier.getLine() + 1));
                    continue;
                }
                locations.key(child, position(keyNode.getStartMark()));
                entries.put(key, build(tuple.getValueNode(), child, depth + 1, reused));
            }
            for (NodeTuple merge : merges) {
                merge(merge.getValueNode(), path, depth, reused, entries);
            }
            ObjectNode object = NODES.objectNode();
            entries.forEach(object::set);
            return object;
        }

        /** A merge adds only keys not there yet: explicit keys, then earlier merges, win. */
        private void merge(Node source, String path, int depth, boolean reused, Map<String, JsonNode> entries) {
            List<Node> sources = source instanceof SequenceNode sequence ? sequence.getValue() : List.of(source);
            for (Node each : sources) {
                if (!(each instanceof MappingNode)) {
                    problems.atPosition(path, position(each.getStartMark()),
                            "map merge requires map or sequence of maps as the value");
                    continue;
                }
                JsonNode merged = build(each, path, depth, reused);
                merged.fields().forEachRemaining(entry -> entries.putIfAbsent(entry.getKey(), entry.getValue()));
            }
        }

        private boolean isMergeKey(Node key) {
            return key instanceof ScalarNode scalar && MERGE_KEY.equals(scalar.getValue())
                    && PlainScalars.PLAIN.equals(scalar.getTag());
        }

        /** The CLI's compose model only has string keys: a key that YAML reads as a number or boolean is refused. */
        private String key(Node keyNode, String path) {
            SourcePosition where = position(keyNode.getStartMark());
            if (!(keyNode instanceof ScalarNode scalar)) {
                problems.atPosition(path, where, "a key must be a string, not a " + (keyNode instanceof MappingNode ? "mapping" : "list"));
                return null;
            }
            JsonNode key = scalar(scalar, path);
            if (key == null || !key.isTextual()) {
                problems.atPosition(ComposePath.key(path, scalar.getValue()), where, "the key " + scalar.getValue()
                        + " is read as a " + kind(key) + ", and keys must be strings: quote it");
                return null;
            }
            return key.textValue();
        }

        private JsonNode scalar(ScalarNode scalar, String path) {
            Tag tag = scalar.getTag();
            if (PlainScalars.PLAIN.equals(tag)) {
                return YamlScalars.plain(scalar.getValue());
            }
            String name = tag.getValue();
            try {
                JsonNode typed = name.startsWith(YAML_TAG_PREFIX)
                        ? YamlScalars.tagged(name.substring(YAML_TAG_PREFIX.length()), scalar.getValue()) : null;
                return typed != null ? typed : NODES.textNode(scalar.getValue());
            } catch (IllegalArgumentException e) {
                problems.atPosition(path, position(scalar.getStartMark()), e.getMessage());
                return NODES.nullNode();
            }
        }

        private ComposeInvalid limitBroken(String path, String message) {
            problems.at(path, message);
            return problems.invalid();
        }
    }

    private static String kind(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        return value.isBoolean() ? "boolean" : "number";
    }
}
