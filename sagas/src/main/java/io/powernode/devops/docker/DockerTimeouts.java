package io.powernode.devops.docker;

import java.time.Duration;

/**
 * How long to wait for a daemon. {@code response} bounds each request of a sync; the event stream is
 * exempt because a quiet daemon legitimately sends nothing for hours.
 */
public record DockerTimeouts(Duration connect, Duration response) {
}
