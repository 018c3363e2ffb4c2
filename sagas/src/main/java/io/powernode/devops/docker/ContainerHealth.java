package io.powernode.devops.docker;

/**
 * The health of a container, as the list endpoint reports it only inside the status text
 * ("Up 3 minutes (healthy)"); null when the container has no health check.
 */
final class ContainerHealth {

    private ContainerHealth() {
    }

    static String fromStatus(String status) {
        if (status == null) {
            return null;
        }
        if (status.contains("(health: starting)")) {
            return "starting";
        }
        if (status.contains("(unhealthy)")) {
            return "unhealthy";
        }
        if (status.contains("(healthy)")) {
            return "healthy";
        }
        return null;
    }
}
