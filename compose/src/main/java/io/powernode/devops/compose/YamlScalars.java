package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What a YAML scalar means, decided as the CLI's YAML library (go-yaml v3) decides it rather than as SnakeYAML's
 * YAML 1.1 rules would: {@code yes}, {@code on} and {@code 8080:80} stay strings, only {@code true}/{@code false}
 * in three spellings are booleans, while integers keep the 1.1 forms go-yaml still reads ({@code 0755} octal,
 * {@code 0b1010}, {@code 1_000}). A quoted scalar is always a string; an explicit standard tag is honoured.
 */
final class YamlScalars {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, JsonNode> WORDS = Map.ofEntries(
            Map.entry("", NODES.nullNode()), Map.entry("~", NODES.nullNode()), Map.entry("null", NODES.nullNode()),
            Map.entry("Null", NODES.nullNode()), Map.entry("NULL", NODES.nullNode()),
            Map.entry("true", NODES.booleanNode(true)), Map.entry("True", NODES.booleanNode(true)),
            Map.entry("TRUE", NODES.booleanNode(true)), Map.entry("false", NODES.booleanNode(false)),
            Map.entry("False", NODES.booleanNode(false)), Map.entry("FALSE", NODES.booleanNode(false)),
            Map.entry(".nan", NODES.numberNode(Double.NaN)), Map.entry(".NaN", NODES.numberNode(Double.NaN)),
            Map.entry(".NAN", NODES.numberNode(Double.NaN)),
            Map.entry(".inf", NODES.numberNode(Double.POSITIVE_INFINITY)),
            Map.entry(".Inf", NODES.numberNode(Double.POSITIVE_INFINITY)),
            Map.entry(".INF", NODES.numberNode(Double.POSITIVE_INFINITY)),
            Map.entry("+.inf", NODES.numberNode(Double.POSITIVE_INFINITY)),
            Map.entry("+.Inf", NODES.numberNode(Double.POSITIVE_INFINITY)),
            Map.entry("+.INF", NODES.numberNode(Double.POSITIVE_INFINITY)),
            Map.entry("-.inf", NODES.numberNode(Double.NEGATIVE_INFINITY)),
            Map.entry("-.Inf", NODES.numberNode(Double.NEGATIVE_INFINITY)),
            Map.entry("-.INF", NODES.numberNode(Double.NEGATIVE_INFINITY)));
    /** A decimal float as go-yaml accepts one (Java's parser would also take {@code 1f} or hex). */
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern LEADING_DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("u-M-d");
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("u-M-d").optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral('t').optionalEnd().optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("H:m:s").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd().toFormatter();

    private YamlScalars() {
    }

    /** An unquoted, untagged scalar. */
    static JsonNode plain(String text) {
        JsonNode word = WORDS.get(text);
        if (word != null) {
            return word;
        }
        char first = text.charAt(0);
        if (first == '.') {
            return LEADING_DOT_FLOAT.matcher(text).matches() ? NODES.numberNode(Double.parseDouble(text)) : NODES.textNode(text);
        }
        if (first == '+' || first == '-' || isDigit(first)) {
            JsonNode timestamp = timestamp(text);
            if (timestamp != null) {
                return timestamp;
            }
            JsonNode number = number(text.replace("_", ""));
            if (number != null) {
                return number;
            }
        }
        return NODES.textNode(text);
    }

    /**
     * A scalar with an explicit standard tag ({@code !!int}, {@code !!str}, …), or null when the tag is not one
     * go-yaml resolves, in which case the scalar's text is taken as it is.
     *
     * @throws IllegalArgumentException when the text is not what the tag says
     */
    static JsonNode tagged(String tag, String text) {
        switch (tag) {
            case "str":
                return NODES.textNode(text);
            case "binary":
                return NODES.textNode(new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8));
            case "int":
                return expect(plain(text), JsonNode::isIntegralNumber, tag, text);
            case "float":
                JsonNode number = expect(plain(text), JsonNode::isNumber, tag, text);
                return NODES.numberNode(number.doubleValue());
            case "bool":
                return expect(plain(text), JsonNode::isBoolean, tag, text);
            case "null":
                return expect(plain(text), JsonNode::isNull, tag, text);
            case "timestamp":
                JsonNode timestamp = timestamp(text);
                if (timestamp == null) {
                    throw new IllegalArgumentException("cannot decode !!timestamp `" + text + "`");
                }
                return timestamp;
            default:
                return null;
        }
    }

    private static JsonNode expect(JsonNode resolved, Predicate<JsonNode> kind, String tag, String text) {
        if (!kind.test(resolved)) {
            throw new IllegalArgumentException("cannot decode !!" + tag + " `" + text + "`");
        }
        return resolved;
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)}, then ParseUint, then a YAML-style decimal float. */
    private static JsonNode number(String text) {
        BigInteger integer = goInteger(text);
        if (integer != null) {
            if (integer.bitLength() < 64) {
                return NODES.numberNode(integer.longValue());
            }
            if (integer.signum() > 0 && integer.compareTo(MAX_UINT64) <= 0) {
                return NODES.numberNode(integer);
            }
        }
        if (DECIMAL_FLOAT.matcher(text).matches()) {
            double value = Double.parseDouble(text);
            if (!Double.isInfinite(value)) {
                return NODES.numberNode(value);
            }
        }
        return null;
    }

    /** Base from the prefix as Go's base-0 parsing: {@code 0x}, {@code 0o}, {@code 0b}, a leading 0 is octal. */
    private static BigInteger goInteger(String text) {
        String digits = text;
        boolean negative = false;
        if (digits.startsWith("+") || digits.startsWith("-")) {
            negative = digits.charAt(0) == '-';
            digits = digits.substring(1);
        }
        int radix = 10;
        String lower = digits.toLowerCase();
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = digits.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        if (!allDigits(digits, radix)) {
            return null;
        }
        BigInteger value = new BigInteger(digits, radix);
        return negative ? value.negate() : value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean allDigits(String digits, int radix) {
        return !digits.isEmpty() && digits.chars().allMatch(c -> c < 128 && Character.digit(c, radix) >= 0);
    }

    /**
     * go-yaml reads an unquoted date or date-time as a time, which Go prints its own way when it becomes text
     * (a label value, say): kept as that text.
     */
    private static JsonNode timestamp(String text) {
        int digits = 0;
        while (digits < text.length() && isDigit(text.charAt(digits))) {
            digits++;
        }
        if (digits != 4 || digits == text.length() || text.charAt(digits) != '-') {
            return null;
        }
        try {
            if (text.indexOf(':') < 0) {
                LocalDate date = LocalDate.parse(text, DATE);
                return NODES.textNode(GoFormat.timestamp(date.atStartOfDay().atOffset(ZoneOffset.UTC), true));
            }
            String time = dateTime(text);
            return time == null ? null : NODES.textNode(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The forms go-yaml tries: {@code T} (or {@code t}) with a zone ({@code Z} or {@code ±hh:mm}), or a space and
     * no zone, read as UTC; anything else stays a string.
     */
    private static String dateTime(String text) {
        int separator = text.indexOf(':') - 1;
        while (separator > 0 && isDigit(text.charAt(separator))) {
            separator--;
        }
        char kind = text.charAt(separator);
        if (kind == ' ') {
            return GoFormat.timestamp(LocalDateTime.parse(text, DATE_TIME).atOffset(ZoneOffset.UTC), true);
        }
        if (kind != 'T' && kind != 't') {
            return null;
        }
        if (text.endsWith("Z")) {
            LocalDateTime local = LocalDateTime.parse(text.substring(0, text.length() - 1), DATE_TIME);
            return GoFormat.timestamp(local.atOffset(ZoneOffset.UTC), true);
        }
        int zone = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        if (zone <= separator || !text.substring(zone).matches("[-+][0-9]{2}:[0-9]{2}")) {
            return null;
        }
        LocalDateTime local = LocalDateTime.parse(text.substring(0, zone), DATE_TIME);
        return GoFormat.timestamp(local.atOffset(ZoneOffset.of(text.substring(zone))), false);
    }
}
