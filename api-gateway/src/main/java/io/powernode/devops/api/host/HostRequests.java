package io.powernode.devops.api.host;

import io.powernode.devops.api.JsonBody;
import io.powernode.devops.command.host.DockerHost;
import io.powernode.devops.docker.PemTls;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.secrets.TlsMaterial;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Set;

/**
 * Validates the spec's host body, {@code {"host": {"name", "api_endpoint", "environment", "tls_verify",
 * "tls_credentials": {"ca", "cert", "key"}, "sync_interval_seconds"}}}, naming every field at fault.
 */
@Component
class HostRequests {

    private static final int DEFAULT_INTERVAL = 60;
    private static final int MAX_NAME = 100;
    private static final Set<String> HOST_FIELDS =
            Set.of("name", "api_endpoint", "environment", "tls_verify", "tls_credentials", "sync_interval_seconds");
    private static final Set<String> TLS_FIELDS = Set.of("ca", "cert", "key");

    private final JsonBody body;
    private final Set<String> allowedSchemes;

    /**
     * @param allowedSchemes which endpoint schemes this deployment accepts: a shared platform refuses
     *                       {@code unix} so that no account can reach the Docker engine of the machine it runs on
     */
    HostRequests(JsonBody body, @Value("${powernode.hosts.allowed-endpoint-schemes}") Set<String> allowedSchemes) {
        this.body = body;
        this.allowedSchemes = allowedSchemes;
    }

    HostInput registration(String json) {
        return parse(json, true);
    }

    HostInput update(String json) {
        return parse(json, false);
    }

    private HostInput parse(String json, boolean registering) {
        JsonBody.Fields host = body.open(json, "host", HOST_FIELDS);
        String name = name(host, registering);
        String endpoint = endpoint(host, registering, allowedSchemes);
        DeploymentEnvironment environment = environment(host, registering);
        Boolean tlsVerify = host.bool("tls_verify");
        Integer interval = host.integer("sync_interval_seconds",
                DockerHost.MIN_SYNC_INTERVAL_SECONDS, DockerHost.MAX_SYNC_INTERVAL_SECONDS);
        boolean removeTls = !registering && host.isNull("tls_credentials");
        TlsMaterial tls = tls(host);
        if (registering) {
            if (tlsVerify == null) {
                tlsVerify = endpoint != null && endpoint.startsWith("https://");
            }
            if (interval == null) {
                interval = DEFAULT_INTERVAL;
            }
            if (tlsVerify && endpoint != null && !endpoint.startsWith("unix://") && (tls == null || tls.ca() == null)) {
                host.reject("tls_credentials", "must include the ca when tls_verify is true");
            }
        }
        host.done();
        return new HostInput(name, endpoint, environment, tlsVerify, tls, removeTls, interval);
    }

    private static String name(JsonBody.Fields host, boolean required) {
        String name = host.string("name", required);
        if (name == null) {
            return null;
        }
        String trimmed = name.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            host.reject("name", "must be 1 to " + MAX_NAME + " printable characters");
            return null;
        }
        return trimmed;
    }

    private static String endpoint(JsonBody.Fields host, boolean required, Set<String> allowedSchemes) {
        String endpoint = host.string("api_endpoint", required);
        if (endpoint == null) {
            return null;
        }
        String problem = endpointProblem(endpoint.trim());
        String scheme = endpoint.trim().split(":", 2)[0];
        if (problem == null && !allowedSchemes.contains(scheme)) {
            problem = "uses " + scheme + "://, which this platform does not accept (allowed: " + allowedSchemes + ")";
        }
        if (problem != null) {
            host.reject("api_endpoint", problem);
            return null;
        }
        return endpoint.trim();
    }

    /** unix:///path/to/socket, tcp://host[:port] or https://host[:port], nothing else. */
    private static String endpointProblem(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        return switch (scheme) {
            case "unix" -> uri.getPath() == null || uri.getPath().isBlank() ? "must name a socket path, e.g. unix:///var/run/docker.sock" : null;
            case "tcp", "https" -> {
                if (uri.getHost() == null) {
                    yield "must name a host, e.g. " + scheme + "://10.0.0.10:2376";
                }
                boolean extra = uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null
                        || !(uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"));
                yield extra ? "must be only scheme, host and port" : null;
            }
            default -> "must start with unix://, tcp:// or https://";
        };
    }

    private static DeploymentEnvironment environment(JsonBody.Fields host, boolean required) {
        String value = host.string("environment", required);
        if (value == null) {
            return null;
        }
        return Arrays.stream(DeploymentEnvironment.values()).filter(e -> e.name().equals(value)).findFirst().orElseGet(() -> {
            host.reject("environment", "must be one of " + Arrays.toString(DeploymentEnvironment.values()));
            return null;
        });
    }

    private static TlsMaterial tls(JsonBody.Fields host) {
        JsonBody.Fields credentials = host.object("tls_credentials", TLS_FIELDS);
        if (credentials == null) {
            return null;
        }
        TlsMaterial tls = new TlsMaterial(blankToNull(credentials.string("ca", false)),
                blankToNull(credentials.string("cert", false)), blankToNull(credentials.string("key", false)));
        if (tls.isEmpty()) {
            host.reject("tls_credentials", "must hold at least the ca, or the cert and key");
            return null;
        }
        try {
            PemTls.validate(tls);
        } catch (PemTls.InvalidTlsMaterial invalid) {
            credentials.reject(invalid.field(), invalid.getMessage());
            return null;
        }
        return tls;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
