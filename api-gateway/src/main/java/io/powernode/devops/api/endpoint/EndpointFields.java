package io.powernode.devops.api.endpoint;

import io.powernode.devops.api.JsonBody;
import io.powernode.devops.command.endpoint.EndpointSettings;
import io.powernode.devops.docker.PemTls;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.secrets.TlsMaterial;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Set;

/**
 * Reads and checks the fields every endpoint body shares. Each reader rejects what is wrong on the body's
 * {@link JsonBody.Fields} (so one response names every field at fault) and then answers null.
 */
public final class EndpointFields {

    private static final int MAX_NAME = 100;
    private static final Set<String> TLS_FIELDS = Set.of("ca", "cert", "key");

    private EndpointFields() {
    }

    public static String name(JsonBody.Fields body, boolean required) {
        String name = body.string(EndpointForm.NAME, required);
        if (name == null) {
            return null;
        }
        String trimmed = name.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            body.reject(EndpointForm.NAME, "must be 1 to " + MAX_NAME + " printable characters");
            return null;
        }
        return trimmed;
    }

    /**
     * @param allowedSchemes which endpoint schemes this deployment accepts: a shared platform refuses
     *                       {@code unix} so that no account can reach the Docker engine of the machine it runs on
     */
    public static String endpoint(JsonBody.Fields body, String field, boolean required, Set<String> allowedSchemes) {
        String endpoint = body.string(field, required);
        if (endpoint == null) {
            return null;
        }
        String problem = endpointProblem(endpoint.trim());
        String scheme = endpoint.trim().split(":", 2)[0];
        if (problem == null && !allowedSchemes.contains(scheme)) {
            problem = "uses " + scheme + "://, which this platform does not accept (allowed: " + allowedSchemes + ")";
        }
        if (problem != null) {
            body.reject(field, problem);
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

    public static DeploymentEnvironment environment(JsonBody.Fields body, boolean required) {
        String value = body.string(EndpointForm.ENVIRONMENT, required);
        if (value == null) {
            return null;
        }
        return Arrays.stream(DeploymentEnvironment.values()).filter(e -> e.name().equals(value)).findFirst().orElseGet(() -> {
            body.reject(EndpointForm.ENVIRONMENT, "must be one of " + Arrays.toString(DeploymentEnvironment.values()));
            return null;
        });
    }

    public static Integer syncInterval(JsonBody.Fields body) {
        return body.integer(EndpointForm.SYNC_INTERVAL,
                EndpointSettings.MIN_SYNC_INTERVAL_SECONDS, EndpointSettings.MAX_SYNC_INTERVAL_SECONDS);
    }

    /** {@code {"ca", "cert", "key"}} in PEM, checked (a key must match its certificate) but not yet sealed. */
    public static TlsMaterial tls(JsonBody.Fields body) {
        JsonBody.Fields credentials = body.object(EndpointForm.TLS_CREDENTIALS, TLS_FIELDS);
        if (credentials == null) {
            return null;
        }
        TlsMaterial tls = new TlsMaterial(blankToNull(credentials.string("ca", false)),
                blankToNull(credentials.string("cert", false)), blankToNull(credentials.string("key", false)));
        if (tls.isEmpty()) {
            body.reject(EndpointForm.TLS_CREDENTIALS, "must hold at least the ca, or the cert and key");
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
