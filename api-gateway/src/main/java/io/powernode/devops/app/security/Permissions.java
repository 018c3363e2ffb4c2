package io.powernode.devops.app.security;

/**
 * The runbook's permissions; "manage" implies "read". Reading a swarm's join tokens or unlock key needs
 * "manage": either lets a machine into the swarm.
 */
public final class Permissions {
    public static final String DOCKER_HOSTS_READ = "docker.hosts.read";
    public static final String DOCKER_HOSTS_MANAGE = "docker.hosts.manage";
    public static final String SWARM_CLUSTERS_READ = "swarm.clusters.read";
    public static final String SWARM_CLUSTERS_MANAGE = "swarm.clusters.manage";

    private Permissions() {
    }
}
