package io.powernode.devops.api;

import java.time.Duration;

/**
 * A duration as Go, Docker and compose files write it ({@code 1m30s}, {@code 500ms}): how the API shows the
 * durations it reads in that form (see {@link JsonBody.Fields#duration}), so a value reads back as it was written.
 */
public final class GoDuration {

    private GoDuration() {
    }

    public static String format(Duration duration) {
        if (duration == null) {
            return null;
        }
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        int millis = duration.toMillisPart();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (seconds > 0 || (millis > 0 && text.length() > 0)) {
            text.append(seconds);
            if (millis > 0) {
                text.append('.').append(String.format("%03d", millis).replaceAll("0+$", ""));
            }
            text.append('s');
        } else if (millis > 0) {
            text.append(millis).append("ms");
        }
        return text.toString();
    }
}
