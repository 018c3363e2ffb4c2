package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${VAR}} substitution in every string value of the file, as the CLI does it before checking the schema:
 * {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}} (unset or empty), {@code ${VAR-default}} (unset),
 * {@code ${VAR:?error}}, {@code ${VAR?error}} and {@code $$} for a dollar. Keys are never substituted. A value that
 * substitution changed and whose key holds a number or boolean is cast, so {@code replicas: ${N}} is a number;
 * a value substitution left alone keeps its type. An unset variable becomes an empty string, as in the CLI,
 * with a warning the CLI does not give.
 */
final class Interpolation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * The CLI's pattern, case-insensitive: an unbraced name may carry a default or error too, running to the next
     * {@code }} or the end ({@code $A-b c} substitutes {@code A} with default {@code "b c"}).
     */
    private static final String SUBSTITUTION = "[_a-z][_a-z0-9]*(?::?[-?][^}]*)?";
    private static final Pattern TEMPLATE = Pattern.compile("\\$(?i:(?<escaped>\\$)|(?<named>" + SUBSTITUTION
            + ")|\\{(?<braced>" + SUBSTITUTION + ")}|(?<invalid>))");

    /** Keys whose values are numbers or booleans, by path: {@code *} any key, {@code []} any list item. */
    private static final Map<String, Cast> CASTS = Map.ofEntries(
            Map.entry("services.*.configs.[].mode", Cast.INTEGER),
            Map.entry("services.*.secrets.[].mode", Cast.INTEGER),
            Map.entry("services.*.healthcheck.retries", Cast.INTEGER),
            Map.entry("services.*.healthcheck.disable", Cast.BOOLEAN),
            Map.entry("services.*.deploy.replicas", Cast.INTEGER),
            Map.entry("services.*.deploy.update_config.parallelism", Cast.INTEGER),
            Map.entry("services.*.deploy.update_config.max_failure_ratio", Cast.FLOAT),
            Map.entry("services.*.deploy.rollback_config.parallelism", Cast.INTEGER),
            Map.entry("services.*.deploy.rollback_config.max_failure_ratio", Cast.FLOAT),
            Map.entry("services.*.deploy.restart_policy.max_attempts", Cast.INTEGER),
            Map.entry("services.*.deploy.placement.max_replicas_per_node", Cast.INTEGER),
            Map.entry("services.*.ports.[].target", Cast.INTEGER),
            Map.entry("services.*.ports.[].published", Cast.INTEGER),
            Map.entry("services.*.ulimits.*", Cast.INTEGER),
            Map.entry("services.*.ulimits.*.hard", Cast.INTEGER),
            Map.entry("services.*.ulimits.*.soft", Cast.INTEGER),
            Map.entry("services.*.privileged", Cast.BOOLEAN),
            Map.entry("services.*.read_only", Cast.BOOLEAN),
            Map.entry("services.*.stdin_open", Cast.BOOLEAN),
            Map.entry("services.*.tty", Cast.BOOLEAN),
            Map.entry("services.*.volumes.[].read_only", Cast.BOOLEAN),
            Map.entry("services.*.volumes.[].volume.nocopy", Cast.BOOLEAN),
            Map.entry("networks.*.external", Cast.BOOLEAN),
            Map.entry("networks.*.internal", Cast.BOOLEAN),
            Map.entry("networks.*.attachable", Cast.BOOLEAN),
            Map.entry("volumes.*.external", Cast.BOOLEAN),
            Map.entry("secrets.*.external", Cast.BOOLEAN),
            Map.entry("configs.*.external", Cast.BOOLEAN));

    private final Function<String, String> environment;
    private final Problems problems;
    private final Set<String> unset = new TreeSet<>();

    /**
     * @param environment the variables' values, null for an unset variable
     */
    Interpolation(Function<String, String> environment, Problems problems) {
        this.environment = environment;
        this.problems = problems;
    }

    /** Substitutes in place; problems are reported, and a warning per unset variable returned. */
    List<String> apply(ObjectNode root) {
        root.fields().forEachRemaining(entry -> entry.setValue(
                value(entry.getValue(), entry.getKey(), entry.getKey())));
        List<String> warnings = new ArrayList<>();
        unset.forEach(name -> warnings.add("The variable " + name + " is not set: it was replaced by an empty string"));
        return warnings;
    }

    private JsonNode value(JsonNode value, String path, String pattern) {
        if (value instanceof ObjectNode object) {
            object.fields().forEachRemaining(entry -> entry.setValue(value(entry.getValue(),
                    ComposePath.key(path, entry.getKey()), pattern + "." + entry.getKey())));
            return object;
        }
        if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, value(array.get(i), ComposePath.item(path, i), pattern + ".[]"));
            }
            return array;
        }
        if (!value.isTextual()) {
            return value;
        }
        String text = value.textValue();
        String substituted = substitute(text, path);
        if (substituted == null || substituted.equals(text)) {
            return value;
        }
        Cast cast = castFor(pattern);
        return cast == null ? NODES.textNode(substituted) : cast.apply(substituted, path, problems);
    }

    /** The text with its variables substituted, or null after reporting a problem. */
    private String substitute(String text, String path) {
        Matcher matcher = TEMPLATE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group("escaped") != null) {
                replacement = "$";
            } else {
                String substitution = matcher.group("named") != null ? matcher.group("named") : matcher.group("braced");
                if (substitution == null) {
                    problems.at(path, "invalid interpolation format: \"" + text + "\"; you may need to escape any $ with another $");
                    return null;
                }
                replacement = resolve(substitution, path);
                if (replacement == null) {
                    return null;
                }
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The CLI tries the forms in this order on the whole substitution, so {@code ${A:?x-y}} is an error form. */
    private String resolve(String substitution, String path) {
        if (substitution.contains(":-")) {
            String[] parts = substitution.split(":-", 2);
            String value = environment.apply(parts[0]);
            return value == null || value.isEmpty() ? parts[1] : value;
        }
        if (substitution.contains("-")) {
            String[] parts = substitution.split("-", 2);
            String value = environment.apply(parts[0]);
            return value == null ? parts[1] : value;
        }
        if (substitution.contains(":?")) {
            String[] parts = substitution.split(":\\?", 2);
            String value = environment.apply(parts[0]);
            return value == null || value.isEmpty() ? missing(parts[0], parts[1], path) : value;
        }
        if (substitution.contains("?")) {
            String[] parts = substitution.split("\\?", 2);
            String value = environment.apply(parts[0]);
            return value == null ? missing(parts[0], parts[1], path) : value;
        }
        String value = environment.apply(substitution);
        if (value == null) {
            unset.add(substitution);
            return "";
        }
        return value;
    }

    private String missing(String name, String message, String path) {
        problems.at(path, "required variable " + name + " is missing a value: " + message);
        return null;
    }

    private static Cast castFor(String pattern) {
        String[] parts = pattern.split("\\.");
        for (Map.Entry<String, Cast> cast : CASTS.entrySet()) {
            if (matches(cast.getKey().split("\\."), parts)) {
                return cast.getValue();
            }
        }
        return null;
    }

    private static boolean matches(String[] pattern, String[] parts) {
        if (pattern.length != parts.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(parts[i])) {
                return false;
            }
        }
        return true;
    }

    /** The CLI's casts: Go's {@code Atoi}, {@code ParseFloat} and YAML 1.1's boolean words. */
    private enum Cast {
        INTEGER {
            @Override
            JsonNode cast(String text) {
                return text.matches("[-+]?[0-9]+") ? NODES.numberNode(Long.parseLong(text.replaceFirst("^\\+", ""))) : null;
            }
        },
        FLOAT {
            @Override
            JsonNode cast(String text) {
                String word = text.toLowerCase(Locale.ROOT).replaceFirst("^[-+]", "");
                boolean negative = text.startsWith("-");
                if (word.equals("inf") || word.equals("infinity")) {
                    return NODES.numberNode(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
                }
                if (word.equals("nan")) {
                    return NODES.numberNode(Double.NaN);
                }
                return text.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")
                        ? NODES.numberNode(Double.parseDouble(text)) : null;
            }
        },
        BOOLEAN {
            @Override
            JsonNode cast(String text) {
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "y", "yes", "true", "on" -> NODES.booleanNode(true);
                    case "n", "no", "false", "off" -> NODES.booleanNode(false);
                    default -> null;
                };
            }
        };

        abstract JsonNode cast(String text);

        JsonNode apply(String text, String path, Problems problems) {
            JsonNode cast;
            try {
                cast = cast(text);
            } catch (NumberFormatException e) {
                cast = null;
            }
            if (cast == null) {
                problems.at(path, "\"" + text + "\" cannot be used here: it must be " + (this == BOOLEAN ? "a boolean"
                        : this == INTEGER ? "an integer" : "a number"));
                return NODES.textNode(text);
            }
            return cast;
        }
    }
}
