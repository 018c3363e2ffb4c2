package io.powernode.devops.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a request body wrapped as the spec wraps it ({@code {"host": {...}}}) and collects field errors,
 * so one response names every field at fault instead of the first.
 */
@Component
public class JsonBody {

    private final ObjectMapper json;

    public JsonBody(ObjectMapper json) {
        this.json = json;
    }

    /** The object under {@code root}, refusing malformed JSON and fields outside {@code known}. */
    public Fields open(String body, String root, Set<String> known) {
        if (body == null || body.isBlank()) {
            throw ApiProblem.invalid(root, "is required: send {\"" + root + "\": {...}}");
        }
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw ApiProblem.invalid("body", "is not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (!(document instanceof ObjectNode) || !(document.get(root) instanceof ObjectNode object)) {
            throw ApiProblem.invalid(root, "is required and must be an object");
        }
        return new Fields(root, object, known, new ArrayList<>());
    }

    /** Typed access to one object's fields; every problem is collected, {@link #done()} throws them all. */
    public static final class Fields {
        private static final String DURATION_EXAMPLE = "must be a duration such as \"10s\", \"1m30s\" or \"500ms\"";
        private static final Pattern DURATION_PART = Pattern.compile("(\\d*)(?:\\.(\\d*))?(ns|us|\u00b5s|\u03bcs|ms|s|m|h)");
        private static final Pattern BYTE_SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?) ?(?:([kmgtp])i?)?b?", Pattern.CASE_INSENSITIVE);

        private final String prefix;
        private final ObjectNode object;
        private final List<ApiProblem.FieldError> errors;
        /** The field a list item written as a bare string stands for; its errors are the item's own. */
        private final String shorthand;

        private Fields(String prefix, ObjectNode object, Set<String> known, List<ApiProblem.FieldError> errors) {
            this(prefix, object, known, errors, null);
        }

        private Fields(String prefix, ObjectNode object, Set<String> known, List<ApiProblem.FieldError> errors,
                       String shorthand) {
            this.prefix = prefix;
            this.object = object;
            this.errors = errors;
            this.shorthand = shorthand;
            object.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    reject(name, "is not a known field");
                }
            });
        }

        public boolean isNull(String name) {
            return object.has(name) && object.get(name).isNull();
        }

        public String path(String name) {
            return name.equals(shorthand) ? prefix : prefix + "." + name;
        }

        /** Whether the field is given with a value other than null. */
        public boolean has(String name) {
            return object.has(name) && !object.get(name).isNull();
        }

        /** Whether the field holds a string, for fields that take a short string form or a longer one. */
        public boolean isString(String name) {
            return object.has(name) && object.get(name).isTextual();
        }

        /** Rejects this object as a whole, e.g. when none of the fields it needs at least one of is given. */
        public void rejectObject(String message) {
            errors.add(new ApiProblem.FieldError(prefix, message));
        }

        public void reject(String name, String message) {
            errors.add(new ApiProblem.FieldError(path(name), message));
        }

        public String string(String name, boolean required) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    reject(name, "is required");
                }
                return null;
            }
            if (!node.isTextual()) {
                reject(name, "must be a string");
                return null;
            }
            return node.textValue();
        }

        /** A string of at most {@code maxLength} characters, taken as it is. */
        public String string(String name, boolean required, int maxLength) {
            String value = string(name, required);
            if (value != null && value.length() > maxLength) {
                reject(name, "must be at most " + maxLength + " characters");
                return null;
            }
            return value;
        }

        /** A display text such as a name: recorded without surrounding blanks, 1 to {@code maxLength} printable characters. */
        public String printable(String name, int maxLength, boolean required) {
            String value = string(name, required);
            if (value == null) {
                return null;
            }
            String trimmed = value.trim();
            if (trimmed.isEmpty() || trimmed.length() > maxLength || trimmed.chars().anyMatch(Character::isISOControl)) {
                reject(name, "must be 1 to " + maxLength + " printable characters");
                return null;
            }
            return trimmed;
        }

        /** One of an enum's constants, by its exact name. */
        public <E extends Enum<E>> E oneOf(String name, Class<E> type, boolean required) {
            String value = string(name, required);
            if (value == null) {
                return null;
            }
            E[] values = type.getEnumConstants();
            return Arrays.stream(values).filter(e -> e.name().equals(value)).findFirst().orElseGet(() -> {
                reject(name, "must be one of " + Arrays.toString(values));
                return null;
            });
        }

        /** One of {@code allowed}, or null when not given. */
        public String oneOf(String name, List<String> allowed) {
            String value = string(name, false);
            if (value != null && !allowed.contains(value)) {
                reject(name, "must be one of " + allowed);
                return null;
            }
            return value;
        }

        public Boolean bool(String name) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isBoolean()) {
                reject(name, "must be true or false");
                return null;
            }
            return node.booleanValue();
        }

        public Integer integer(String name, int min, int max) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
                reject(name, "must be a whole number from " + min + " to " + max);
                return null;
            }
            return node.intValue();
        }

        /** As {@link #integer(String, int, int)}, refusing its absence when {@code required}. */
        public Integer integer(String name, int min, int max, boolean required) {
            if (required && !has(name)) {
                reject(name, "is required");
                return null;
            }
            return integer(name, min, max);
        }

        /** A number or a numeric string ({@code 0.5} or {@code "0.5"}) from {@code min} to {@code max}. */
        public BigDecimal decimal(String name, BigDecimal min, BigDecimal max) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            BigDecimal value = null;
            if (node.isNumber()) {
                value = node.decimalValue();
            } else if (node.isTextual()) {
                try {
                    value = new BigDecimal(node.textValue().trim());
                } catch (NumberFormatException notANumber) {
                    // rejected below
                }
            }
            if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                reject(name, "must be a number from " + min.toPlainString() + " to " + max.toPlainString());
                return null;
            }
            return value;
        }

        /**
         * A duration written as Go and Compose write them: {@code "10s"}, {@code "1m30s"}, {@code "1.5h"},
         * {@code "500ms"} (units ns, us, ms, s, m, h), or {@code "0"}. Never negative.
         */
        public Duration duration(String name) {
            String value = string(name, false);
            if (value == null) {
                return null;
            }
            Duration duration = goDuration(value);
            if (duration == null) {
                reject(name, DURATION_EXAMPLE);
            }
            return duration;
        }

        /**
         * A size in bytes: a whole number, or a string with Docker's binary units ({@code "512M"}, {@code "1.5g"},
         * {@code "64MiB"}: k, m, g, t, p are powers of 1024), from {@code min} to {@code max} bytes.
         */
        public Long byteSize(String name, long min, long max) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            BigInteger bytes = null;
            if (node.isIntegralNumber()) {
                bytes = node.bigIntegerValue();
            } else if (node.isTextual()) {
                bytes = byteSize(node.textValue().trim());
            }
            if (bytes == null) {
                reject(name, "must be a number of bytes or a size such as \"512M\" or \"2G\"");
                return null;
            }
            if (bytes.compareTo(BigInteger.valueOf(min)) < 0) {
                reject(name, "must be at least " + describeBytes(min));
                return null;
            }
            if (bytes.compareTo(BigInteger.valueOf(max)) > 0) {
                reject(name, "must be at most " + describeBytes(max));
                return null;
            }
            return bytes.longValueExact();
        }

        /** A list of strings, each at most {@code maxLength} characters; null when not given. */
        public List<String> strings(String name, int maxItems, int maxLength) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isArray()) {
                reject(name, "must be a list of strings");
                return null;
            }
            if (node.size() > maxItems) {
                reject(name, "must have at most " + maxItems + " items");
                return null;
            }
            List<String> values = new ArrayList<>();
            boolean valid = true;
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String at = path(name) + "[" + i + "]";
                if (!item.isTextual()) {
                    errors.add(new ApiProblem.FieldError(at, "must be a string"));
                    valid = false;
                } else if (item.textValue().length() > maxLength) {
                    errors.add(new ApiProblem.FieldError(at, "must be at most " + maxLength + " characters"));
                    valid = false;
                } else {
                    values.add(item.textValue());
                }
            }
            return valid ? List.copyOf(values) : null;
        }

        /**
         * An object of string values such as labels, in the order given; null when not given.
         *
         * @param keyProblem what is wrong with a key, or null when it is fine
         */
        public Map<String, String> stringMap(String name, int maxEntries, int maxValueLength,
                                             Function<String, String> keyProblem) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!(node instanceof ObjectNode entries)) {
                reject(name, "must be an object of strings");
                return null;
            }
            if (entries.size() > maxEntries) {
                reject(name, "must have at most " + maxEntries + " entries");
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            boolean valid = true;
            for (Map.Entry<String, JsonNode> entry : entries.properties()) {
                String key = entry.getKey();
                String problem = keyProblem.apply(key);
                if (problem != null) {
                    // the key is named in the message, not the path, because a bad key may not read well as a path
                    reject(name, problem);
                    valid = false;
                } else if (!entry.getValue().isTextual()) {
                    errors.add(new ApiProblem.FieldError(path(name) + "." + key, "must be a string"));
                    valid = false;
                } else if (entry.getValue().textValue().length() > maxValueLength) {
                    errors.add(new ApiProblem.FieldError(path(name) + "." + key,
                            "must be at most " + maxValueLength + " characters"));
                    valid = false;
                } else {
                    values.put(key, entry.getValue().textValue());
                }
            }
            return valid ? values : null;
        }

        /** A list of objects; each item's errors are named by its index ({@code service.ports[1].published}). */
        public List<Fields> objects(String name, int maxItems, Set<String> known) {
            return objects(name, maxItems, known, null);
        }

        /**
         * A list of objects, where an item may also be a bare string standing for the object's field
         * {@code shorthand}: {@code ["web"]} reads as {@code [{"network": "web"}]}.
         */
        public List<Fields> objects(String name, int maxItems, Set<String> known, String shorthand) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isArray()) {
                reject(name, "must be a list");
                return null;
            }
            if (node.size() > maxItems) {
                reject(name, "must have at most " + maxItems + " items");
                return null;
            }
            List<Fields> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String at = path(name) + "[" + i + "]";
                if (item instanceof ObjectNode nested) {
                    items.add(new Fields(at, nested, known, errors));
                } else if (shorthand != null && item.isTextual()) {
                    ObjectNode expanded = JsonNodeFactory.instance.objectNode().put(shorthand, item.textValue());
                    items.add(new Fields(at, expanded, known, errors, shorthand));
                } else {
                    errors.add(new ApiProblem.FieldError(at, shorthand == null ? "must be an object"
                            : "must be a name or an object"));
                }
            }
            return items;
        }

        /** A nested object, or null when absent or null; anything else is rejected. */
        public Fields object(String name, Set<String> known) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!(node instanceof ObjectNode nested)) {
                reject(name, "must be an object");
                return null;
            }
            return new Fields(path(name), nested, known, errors);
        }

        public void done() {
            if (!errors.isEmpty()) {
                throw ApiProblem.invalid(errors);
            }
        }

        /** Go's duration syntax: a sequence of decimal numbers, each with a unit; null when it does not parse. */
        private static Duration goDuration(String text) {
            String rest = text.startsWith("+") ? text.substring(1) : text;
            if (rest.equals("0")) {
                return Duration.ZERO;
            }
            Matcher part = DURATION_PART.matcher(rest);
            BigDecimal nanos = BigDecimal.ZERO;
            int at = 0;
            while (at < rest.length()) {
                if (!part.region(at, rest.length()).lookingAt()) {
                    return null;
                }
                String whole = part.group(1);
                String fraction = part.group(2) == null ? "" : part.group(2);
                if (whole.isEmpty() && fraction.isEmpty()) {
                    return null;
                }
                BigDecimal number = new BigDecimal((whole.isEmpty() ? "0" : whole) + (fraction.isEmpty() ? "" : "." + fraction));
                nanos = nanos.add(number.multiply(BigDecimal.valueOf(unitNanos(part.group(3)))));
                at = part.end();
            }
            if (at == 0 || nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return null;
            }
            return Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact());
        }

        private static long unitNanos(String unit) {
            return switch (unit) {
                case "ns" -> 1L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> 1_000L; // us, and both ways of writing micro
            };
        }

        /** {@code 4194304 bytes (4 MiB)}: the exact figure, and the unit a person thinks in when it is a round one. */
        private static String describeBytes(long bytes) {
            String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
            String round = null;
            for (int power = units.length; power >= 1 && round == null; power--) {
                long unit = 1L << (10 * power);
                if (bytes >= unit && bytes % unit == 0) {
                    round = bytes / unit + " " + units[power - 1];
                }
            }
            return bytes + " bytes" + (round == null ? "" : " (" + round + ")");
        }

        private static BigInteger byteSize(String text) {
            Matcher size = BYTE_SIZE.matcher(text);
            if (!size.matches()) {
                return null;
            }
            int power = size.group(2) == null ? 0 : "kmgtp".indexOf(Character.toLowerCase(size.group(2).charAt(0))) + 1;
            return new BigDecimal(size.group(1)).multiply(new BigDecimal(BigInteger.valueOf(1024).pow(power)))
                    .setScale(0, RoundingMode.DOWN).toBigInteger();
        }
    }
}
