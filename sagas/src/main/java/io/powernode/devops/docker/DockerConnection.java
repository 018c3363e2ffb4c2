package io.powernode.devops.docker;

import com.github.dockerjava.api.DockerClient;

/**
 * One daemon, reached through one transport: docker-java's client where its model says everything needed,
 * and the raw {@link EngineApi} where it does not. Closing it closes the transport both use.
 */
public record DockerConnection(DockerClient client, EngineApi api) implements AutoCloseable {

    @Override
    public void close() {
        Closeables.closeQuietly(client, "a Docker connection");
    }
}
