package io.powernode.devops.compose;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration}, which the CLI applies to every compose duration ({@code 1m30s}, {@code 300ms},
 * {@code 1.5h}): the Engine API takes the result in nanoseconds.
 */
final class GoDuration {

    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    /**
     * @throws IllegalArgumentException in Go's words when the text is not a duration
     */
    static long nanos(String text) {
        String rest = text;
        boolean negative = false;
        if (rest.startsWith("-") || rest.startsWith("+")) {
            negative = rest.charAt(0) == '-';
            rest = rest.substring(1);
        }
        if (rest.equals("0")) {
            return 0;
        }
        if (rest.isEmpty()) {
            throw invalid(text);
        }
        BigDecimal total = BigDecimal.ZERO;
        while (!rest.isEmpty()) {
            int number = 0;
            while (number < rest.length() && isNumeric(rest.charAt(number))) {
                number++;
            }
            String digits = rest.substring(0, number);
            if (digits.isEmpty() || digits.equals(".") || digits.indexOf('.') != digits.lastIndexOf('.')) {
                throw invalid(text);
            }
            int unit = number;
            while (unit < rest.length() && !isNumeric(rest.charAt(unit))) {
                unit++;
            }
            String name = rest.substring(number, unit);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("time: missing unit in duration \"" + text + "\"");
            }
            Long scale = UNITS.get(name);
            if (scale == null) {
                throw new IllegalArgumentException("time: unknown unit \"" + name + "\" in duration \"" + text + "\"");
            }
            total = total.add(new BigDecimal(digits.endsWith(".") ? digits + "0" : digits).multiply(BigDecimal.valueOf(scale)));
            if (total.compareTo(MAX) > 0) {
                throw invalid(text);
            }
            rest = rest.substring(unit);
        }
        long nanos = total.longValue();
        return negative ? -nanos : nanos;
    }

    /** The duration at {@code path} in nanoseconds, or null once its problem is reported. */
    static Long nanos(String text, String path, Problems problems) {
        try {
            return nanos(text);
        } catch (IllegalArgumentException e) {
            problems.at(path, e.getMessage());
            return null;
        }
    }

    private static boolean isNumeric(char c) {
        return c >= '0' && c <= '9' || c == '.';
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
}
