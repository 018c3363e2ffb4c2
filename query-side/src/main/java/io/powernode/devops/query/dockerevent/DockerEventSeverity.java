package io.powernode.devops.query.dockerevent;

import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;

import java.util.Map;

/**
 * How much an operator should care about one Docker event.
 * <ul>
 *   <li>{@code error}: the workload failed: a container died with a non-zero exit code, was OOM-killed, or its
 *       health check reports it unhealthy.</li>
 *   <li>{@code warning}: a container was killed. Docker also sends {@code kill} (with SIGTERM) during an ordinary
 *       {@code docker stop}, but a kill is the one event that shows a forced or signalled termination, which
 *       is worth noticing; if the container then exits non-zero the {@code die} is an error anyway.</li>
 *   <li>{@code info}: everything else, including {@code stop}: stopping is the normal, requested end of a
 *       container during deploys and scale-downs, and flagging it would bury the real warnings. An event without
 *       an action says nothing either way, so it is info too.</li>
 * </ul>
 */
final class DockerEventSeverity {
    static final String ERROR = "error";
    static final String WARNING = "warning";
    static final String INFO = "info";

    private DockerEventSeverity() {
    }

    static String of(DockerEventRecord event) {
        // a switch on null throws, and a throwing handler would stall the docker-event projection for good
        if (!"container".equals(event.type()) || event.action() == null) {
            return INFO;
        }
        return switch (event.action()) {
            case "oom", "health_status: unhealthy" -> ERROR;
            case "die" -> diedWithFailure(event.attributes()) ? ERROR : INFO;
            case "kill" -> WARNING;
            default -> INFO;
        };
    }

    /** A die without an exit code tells nothing about failure, so it is not reported as one. */
    private static boolean diedWithFailure(Map<String, String> attributes) {
        String exitCode = attributes == null ? null : attributes.get("exitCode");
        return exitCode != null && !exitCode.isBlank() && !"0".equals(exitCode.trim());
    }
}
