package io.powernode.devops.api.host;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.secrets.TlsMaterial;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated host request body. Null fields were not given (an update leaves them as they are);
 * {@code removeTls} is an explicit {@code "tls_credentials": null}.
 */
record HostInput(String name, String apiEndpoint, DeploymentEnvironment environment, Boolean tlsVerify, TlsMaterial tls,
                 boolean removeTls, Integer syncIntervalSeconds) {

    /** The request as the audit records it: credentials only as a marker, never their content. */
    Map<String, Object> auditParameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        putIfGiven(parameters, "name", name);
        putIfGiven(parameters, "api_endpoint", apiEndpoint);
        putIfGiven(parameters, "environment", environment);
        putIfGiven(parameters, "tls_verify", tlsVerify);
        putIfGiven(parameters, "sync_interval_seconds", syncIntervalSeconds);
        if (tls != null) {
            parameters.put("tls_credentials", "[provided, sealed]");
        } else if (removeTls) {
            parameters.put("tls_credentials", "[removed]");
        }
        return parameters;
    }

    private static void putIfGiven(Map<String, Object> parameters, String key, Object value) {
        if (value != null) {
            parameters.put(key, value instanceof Enum<?> e ? e.name() : value);
        }
    }
}
