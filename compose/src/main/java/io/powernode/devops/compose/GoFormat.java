package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Values turned into text as the CLI's Go code turns them ({@code fmt.Sprint}): a YAML number given where the
 * Engine API wants a string (a label {@code 1e6}, an environment value {@code 0.50}) reaches Docker in Go's
 * spelling ({@code 1e+06}, {@code 0.5}), and a service spec only equals the CLI's if it is spelled the same.
 */
final class GoFormat {

    /** Go's {@code %v} of a float switches to an exponent from this decimal exponent on (and below -4). */
    private static final int SHORTEST_EXPONENT_THRESHOLD = 6;
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private GoFormat() {
    }

    /** {@code fmt.Sprint} of a scalar; null stays null (callers decide what a missing value means). */
    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isDouble() || value.isFloat()) {
            return number(value.doubleValue());
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** {@code fmt.Sprint(float64)}: the shortest digits that read back as the same number, {@code %g}-style. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal shortest = shortestDigits(value);
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= SHORTEST_EXPONENT_THRESHOLD) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exponentSign = exponent < 0 ? "-" : "+";
            String exponentDigits = String.valueOf(Math.abs(exponent));
            return sign + mantissa + "e" + exponentSign + (exponentDigits.length() < 2 ? "0" : "") + exponentDigits;
        }
        return sign + shortest.abs().toPlainString();
    }

    private static BigDecimal shortestDigits(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /**
     * Go's {@code time.Time.String()} of a YAML timestamp: {@code 2001-12-14 00:00:00 +0000 UTC}. A zone given
     * as an offset has no name in Go, which then prints the offset in its place.
     */
    static String timestamp(OffsetDateTime time, boolean utc) {
        StringBuilder text = new StringBuilder(TIME_OF_DAY.format(time));
        if (time.getNano() != 0) {
            String fraction = String.format("%09d", time.getNano()).replaceAll("0+$", "");
            text.append('.').append(fraction);
        }
        String offset = offset(time.getOffset());
        return text.append(' ').append(offset).append(' ').append(utc ? "UTC" : offset).toString();
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return String.format("%s%02d%02d", seconds < 0 ? "-" : "+", minutes / 60, minutes % 60);
    }
}
