package io.powernode.devops.api.swarm;

/** Where the swarm endpoints live. */
public final class SwarmPaths {

    public static final String BASE = "/api/v1/devops/swarm";

    private SwarmPaths() {
    }
}
