package io.powernode.devops.command.host;

import io.powernode.devops.command.endpoint.InMemoryNameRegistry;
import io.powernode.devops.command.endpoint.NameRegistry.Kind;

/** The in-memory name registry as host tests speak to it: every claim is a Docker host's. */
final class InMemoryHostNameRegistry extends InMemoryNameRegistry {

    void claim(String accountId, String name, String hostId) {
        claim(Kind.docker_host, accountId, name, hostId);
    }

    boolean isHeldBy(String accountId, String name, String hostId) {
        return isHeldBy(Kind.docker_host, accountId, name, hostId);
    }
}
