package io.powernode.devops.docker;

import com.github.dockerjava.api.DockerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request client per host, reused across syncs (it pools its connections). A client is replaced when the
 * host's connection details change and closed when the host is released, so no pool outlives its host.
 */
public final class DockerClients implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DockerClients.class);

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
                closeQuietly(id, current.client());
            }
            return new Cached(connection, factory.forRequests(connection));
        });
        return cached.client();
    }

    public void release(String hostId) {
        Cached removed = byHostId.remove(hostId);
        if (removed != null) {
            closeQuietly(hostId, removed.client());
        }
    }

    @Override
    public void close() {
        byHostId.keySet().forEach(this::release);
    }

    private static void closeQuietly(String hostId, DockerClient client) {
        try {
            client.close();
        } catch (IOException e) {
            log.debug("closing the Docker client of host {} failed: {}", hostId, e.toString());
        }
    }
}
