package io.powernode.devops.app.security;

/** The runbook's permissions; "manage" implies "read". */
public final class Permissions {
    public static final String DOCKER_HOSTS_READ = "docker.hosts.read";
    public static final String DOCKER_HOSTS_MANAGE = "docker.hosts.manage";

    private Permissions() {
    }
}
