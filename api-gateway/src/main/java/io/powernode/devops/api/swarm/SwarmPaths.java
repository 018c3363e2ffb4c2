package io.powernode.devops.api.swarm;

/** Where the swarm endpoints live. */
final class SwarmPaths {

    static final String BASE = "/api/v1/devops/swarm";

    private SwarmPaths() {
    }
}
