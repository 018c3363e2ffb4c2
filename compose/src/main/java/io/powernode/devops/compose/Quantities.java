package io.powernode.devops.compose;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The CLI's readings of resource amounts: memory as go-units reads RAM sizes, CPUs as a rational number. */
final class Quantities {

    private static final Pattern SIZE = Pattern.compile("(?i)^(\\d+(\\.\\d+)*) ?([kmgtp])?i?b?$");
    private static final Map<String, Long> BINARY = Map.of("k", 1L << 10, "m", 1L << 20, "g", 1L << 30,
            "t", 1L << 40, "p", 1L << 50);
    private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

    private Quantities() {
    }

    /**
     * {@code 50M}, {@code 1.5g}, {@code 512MiB}, {@code 100}: binary multiples, fractions truncated to bytes.
     *
     * @throws IllegalArgumentException when the text is not a size
     */
    static long bytes(String text) {
        Matcher size = SIZE.matcher(text);
        if (!size.matches() || size.group(1).indexOf('.') != size.group(1).lastIndexOf('.')) {
            throw new IllegalArgumentException("invalid size: '" + text + "'");
        }
        double value = Double.parseDouble(size.group(1));
        String unit = size.group(3);
        if (unit != null) {
            value *= BINARY.get(unit.toLowerCase(Locale.ROOT));
        }
        return (long) value;
    }

    /**
     * {@code 0.5}, {@code 2}, {@code 1/3} as nano-CPUs, exactly as Go's {@code big.Rat} reads it: a value that is
     * not a whole number of nano-CPUs is refused.
     *
     * @throws IllegalArgumentException when the text is not a number or too precise
     */
    static long nanoCpus(String text) {
        BigDecimal cpus;
        try {
            int slash = text.indexOf('/');
            if (slash >= 0) {
                BigInteger numerator = new BigInteger(text.substring(0, slash));
                BigInteger denominator = new BigInteger(text.substring(slash + 1));
                BigDecimal nanos = new BigDecimal(numerator.multiply(NANOS.toBigInteger()));
                BigDecimal[] division = nanos.divideAndRemainder(new BigDecimal(denominator));
                if (division[1].signum() != 0) {
                    throw tooPrecise(text);
                }
                return division[0].longValueExact();
            }
            cpus = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("failed to parse " + text + " as a rational number");
        }
        BigDecimal nanos = cpus.multiply(NANOS);
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw tooPrecise(text);
        }
        return nanos.longValueExact();
    }

    private static IllegalArgumentException tooPrecise(String text) {
        return new IllegalArgumentException("value is too precise: " + text + " CPUs is not a whole number of nano-CPUs");
    }
}
