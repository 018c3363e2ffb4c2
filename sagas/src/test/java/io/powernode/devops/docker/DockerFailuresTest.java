package io.powernode.devops.docker;

import com.github.dockerjava.api.DockerClient;
import io.powernode.devops.testing.TestDockerEngine;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class DockerFailuresTest {

    private final DockerClientFactory factory =
            new DockerClientFactory(new DockerTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));

    @Test
    void aMissingSocketIsNamed() {
        String endpoint = "unix:///tmp/powernode-no-such-daemon.sock";

        assertThat(failureReading(endpoint)).isEqualTo("cannot sync " + endpoint + ": no such socket (is the daemon running?)");
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String endpoint = "tcp://127.0.0.1:" + port;

        assertThat(failureReading(endpoint)).contains("connection refused");
    }

    @Test
    void anErrorStatusFromTheDaemonIsReportedWithItsMessage() throws Exception {
        try (DockerClient docker = TestDockerEngine.client()) {
            Throwable failure = catchThrowable(() -> docker.inspectContainerCmd("powernode-no-such-container").exec());

            assertThat(DockerFailures.describe(failure, TestDockerEngine.ENDPOINT))
                    .isEqualTo("cannot sync " + TestDockerEngine.ENDPOINT
                            + ": the daemon answered HTTP 404: No such container: powernode-no-such-container");
        }
    }

    private String failureReading(String endpoint) {
        try (DockerClient docker = factory.forRequests(HostConnection.plain(endpoint))) {
            Throwable failure = catchThrowable(() -> new HostInventoryReader(Clock.systemUTC()).read(docker));
            assertThat(failure).isNotNull();
            return DockerFailures.describe(failure, endpoint);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
