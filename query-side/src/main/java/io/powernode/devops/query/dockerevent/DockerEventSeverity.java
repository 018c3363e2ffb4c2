package io.powernode.devops.query.dockerevent;

import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;

import java.util.Map;

/**
 * How much an operator should care about one Docker event, whether a host's daemon or a swarm's manager reported
 * it. Containers:
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
 * Swarm objects, whose update events name what changed as {@code <field>.new} attributes:
 * <ul>
 *   <li>{@code error}: a node went down or lost contact ({@code state.new} down or disconnected, the states the
 *       cluster's health counts as lost), a manager became unreachable to the Raft quorum, or a service update
 *       paused ({@code updatestate.new} paused or rollback_paused): it waits for an operator.</li>
 *   <li>{@code warning}: a service update failed and Docker is rolling it back ({@code rollback_started}).</li>
 *   <li>{@code info}: everything else: creations, removals, and the updates users ask for.</li>
 * </ul>
 */
public final class DockerEventSeverity {
    public static final String ERROR = "error";
    public static final String WARNING = "warning";
    public static final String INFO = "info";

    private DockerEventSeverity() {
    }

    public static String of(DockerEventRecord event) {
        // a switch on null throws, and a throwing handler would stall the event projections for good
        if (event.type() == null || event.action() == null) {
            return INFO;
        }
        Map<String, String> attributes = event.attributes() == null ? Map.of() : event.attributes();
        return switch (event.type()) {
            case "container" -> ofContainer(event.action(), attributes);
            case "node" -> ofNode(attributes);
            case "service" -> ofService(attributes);
            default -> INFO;
        };
    }

    private static String ofContainer(String action, Map<String, String> attributes) {
        return switch (action) {
            case "oom", "health_status: unhealthy" -> ERROR;
            case "die" -> diedWithFailure(attributes) ? ERROR : INFO;
            case "kill" -> WARNING;
            default -> INFO;
        };
    }

    private static String ofNode(Map<String, String> attributes) {
        String state = attributes.getOrDefault("state.new", "");
        boolean lost = state.equals("down") || state.equals("disconnected");
        return lost || "unreachable".equals(attributes.get("reachability.new")) ? ERROR : INFO;
    }

    private static String ofService(Map<String, String> attributes) {
        return switch (attributes.getOrDefault("updatestate.new", "")) {
            case "paused", "rollback_paused" -> ERROR;
            case "rollback_started" -> WARNING;
            default -> INFO;
        };
    }

    /** A die without an exit code tells nothing about failure, so it is not reported as one. */
    private static boolean diedWithFailure(Map<String, String> attributes) {
        String exitCode = attributes.get("exitCode");
        return exitCode != null && !exitCode.isBlank() && !"0".equals(exitCode.trim());
    }
}
