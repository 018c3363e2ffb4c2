package io.powernode.devops.docker;

import com.github.dockerjava.api.DockerClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request client per host, reused across syncs (it pools its connections). A client is replaced when the
 * host's connection details change and closed when the host is released, so no pool outlives its host.
 */
public final class DockerClients implements AutoCloseable {

    private record Cached(HostConnection connection, DockerClient client) {
    }

    private final DockerClientFactory factory;
    private final Map<String, Cached> byHostId = new ConcurrentHashMap<>();

    public DockerClients(DockerClientFactory factory) {
        this.factory = factory;
    }

    public DockerClient clientFor(String hostId, HostConnection connection) {
        Cached cached = byHostId.compute(hostId, (id, current) -> {
            if (current != null && current.connection().equals(connection)) {
                return current;
            }
            if (current != null) {
                Closeables.closeQuietly(current.client(), "the Docker client of host " + id);
            }
            return new Cached(connection, factory.forRequests(connection));
        });
        return cached.client();
    }

    public void release(String hostId) {
        Cached removed = byHostId.remove(hostId);
        if (removed != null) {
            Closeables.closeQuietly(removed.client(), "the Docker client of host " + hostId);
        }
    }

    @Override
    public void close() {
        byHostId.keySet().forEach(this::release);
    }
}
