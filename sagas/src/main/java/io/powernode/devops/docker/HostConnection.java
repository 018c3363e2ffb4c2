package io.powernode.devops.docker;

import io.powernode.devops.secrets.TlsMaterial;

import java.net.URI;

/**
 * How to reach one Docker daemon: {@code unix:///path}, {@code tcp://host:port} or {@code https://host:port}
 * (TCP with TLS). {@code tls} holds opened credentials and may be null; toString never shows them.
 */
public record HostConnection(String apiEndpoint, boolean tlsVerify, TlsMaterial tls) {

    public HostConnection {
        if (apiEndpoint == null || apiEndpoint.isBlank()) {
            throw new IllegalArgumentException("a Docker API endpoint is required");
        }
    }

    /** A daemon reached without TLS: a local socket, or plain TCP. */
    public static HostConnection plain(String apiEndpoint) {
        return new HostConnection(apiEndpoint, false, null);
    }

    public String scheme() {
        return URI.create(apiEndpoint).getScheme();
    }

    /**
     * TLS is spoken over TCP when the endpoint says https, asks for verification or brings credentials;
     * a unix socket never uses TLS.
     */
    public boolean usesTls() {
        String scheme = scheme();
        if ("unix".equals(scheme)) {
            return false;
        }
        return "https".equals(scheme) || tlsVerify || (tls != null && !tls.isEmpty());
    }

    /** The endpoint as docker-java expects it: it knows only unix and tcp, and decides on TLS by its SSL config. */
    URI dockerHost() {
        URI uri = URI.create(apiEndpoint);
        return switch (uri.getScheme() == null ? "" : uri.getScheme()) {
            case "unix", "tcp" -> uri;
            case "https" -> URI.create("tcp://" + uri.getRawAuthority());
            default -> throw new IllegalArgumentException(
                    "unsupported Docker API endpoint '" + apiEndpoint + "': use unix://, tcp:// or https://");
        };
    }
}
