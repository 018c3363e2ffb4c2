package io.powernode.devops.api.endpoint;

import java.util.Set;

/**
 * How one kind of Docker endpoint (a host, a swarm cluster's manager …) is written in request bodies: the same
 * fields, wrapped under its own root, with its own name for the endpoint URL.
 *
 * @param root          the wrapper, e.g. {@code host} in {@code {"host": {...}}}
 * @param endpointField e.g. {@code api_endpoint}
 */
public record EndpointForm(String root, String endpointField) {

    public static final String NAME = "name";
    public static final String ENVIRONMENT = "environment";
    public static final String TLS_VERIFY = "tls_verify";
    public static final String TLS_CREDENTIALS = "tls_credentials";
    public static final String SYNC_INTERVAL = "sync_interval_seconds";

    /** Every field of the form. */
    public Set<String> fields() {
        return Set.of(NAME, endpointField, ENVIRONMENT, TLS_VERIFY, TLS_CREDENTIALS, SYNC_INTERVAL);
    }
}
