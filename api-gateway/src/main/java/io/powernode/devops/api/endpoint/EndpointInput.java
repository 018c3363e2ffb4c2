package io.powernode.devops.api.endpoint;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.SealedCredentials;
import io.powernode.devops.secrets.CredentialSealer;
import io.powernode.devops.secrets.TlsMaterial;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated endpoint request body. Null fields were not given (an update leaves them as they are);
 * {@code removeTls} is an explicit {@code "tls_credentials": null}.
 */
public record EndpointInput(EndpointForm form, String name, String endpoint, DeploymentEnvironment environment,
                            Boolean tlsVerify, TlsMaterial tls, boolean removeTls, Integer syncIntervalSeconds) {

    /** The credentials as messages carry them, or null when none were given. */
    public SealedCredentials sealedWith(CredentialSealer sealer) {
        return tls == null ? null : sealer.seal(tls);
    }

    /** The request as the audit records it: credentials only as a marker, never their content. */
    public Map<String, Object> auditParameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        putIfGiven(parameters, EndpointForm.NAME, name);
        putIfGiven(parameters, form.endpointField(), endpoint);
        putIfGiven(parameters, EndpointForm.ENVIRONMENT, environment);
        putIfGiven(parameters, EndpointForm.TLS_VERIFY, tlsVerify);
        putIfGiven(parameters, EndpointForm.SYNC_INTERVAL, syncIntervalSeconds);
        if (tls != null) {
            parameters.put(EndpointForm.TLS_CREDENTIALS, "[provided, sealed]");
        } else if (removeTls) {
            parameters.put(EndpointForm.TLS_CREDENTIALS, "[removed]");
        }
        return parameters;
    }

    static void putIfGiven(Map<String, Object> parameters, String key, Object value) {
        if (value != null) {
            parameters.put(key, value instanceof Enum<?> e ? e.name() : value);
        }
    }
}
