package io.powernode.devops.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.SSLConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

import javax.net.ssl.SSLContext;
import java.time.Duration;

/**
 * Builds docker-java clients on the httpclient5 transport. No API version is pinned, so requests go to the
 * daemon's own default version (1.41 for Engine 20.10) instead of one it may not offer.
 */
public final class DockerClientFactory {

    /** Connections a client may hold at once: a sync reads sequentially, the event stream has its own client. */
    private static final int MAX_CONNECTIONS = 4;

    private final DockerTimeouts timeouts;

    public DockerClientFactory(DockerTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    /** A client for request/response calls, each bounded by the response timeout. */
    public DockerClient forRequests(HostConnection connection) {
        return build(connection, timeouts.response());
    }

    /**
     * A client for request/response calls together with the raw Engine API over the same transport, for what
     * docker-java's model cannot say. Closing the connection closes both.
     */
    public DockerConnection connect(HostConnection connection) {
        DockerClientImpl client = build(connection, timeouts.response());
        return new DockerConnection(client, new EngineApi(client.getHttpClient()));
    }

    /**
     * A client for long-lived streams (events): no response timeout. A stream that died without being closed
     * is re-opened by the host sync when the host answers again after failed syncs.
     */
    public DockerClient forStreaming(HostConnection connection) {
        return build(connection, null);
    }

    private DockerClientImpl build(HostConnection connection, Duration responseTimeout) {
        // built before the client, so unusable credentials fail here with a message naming the field
        SSLConfig ssl = connection.usesTls() ? sslConfig(connection) : null;
        DefaultDockerClientConfig config = new DefaultDockerClientConfig.Builder()
                .withDockerHost(connection.dockerHost().toString())
                .withDockerTlsVerify(ssl != null)
                .withCustomSslConfig(ssl)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(ssl)
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(timeouts.connect())
                .responseTimeout(responseTimeout)
                .build();
        // declared as DockerClient, built as DockerClientImpl: connect() needs the transport it holds
        return (DockerClientImpl) DockerClientImpl.getInstance(config, http);
    }

    private static SSLConfig sslConfig(HostConnection connection) {
        SSLContext context = PemTls.sslContext(connection.tls(), connection.tlsVerify());
        return () -> context;
    }
}
