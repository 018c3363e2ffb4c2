package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.secrets.CredentialSealer;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * {@code X-Registry-Auth}: the sealed credentials' JSON, base64url-encoded, opened only when a request needs it.
 * Nothing about their content enters a message, not even why they cannot be read.
 */
final class RegistryAuth {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "X-Registry-Auth";

    private final CredentialSealer sealer;

    RegistryAuth(CredentialSealer sealer) {
        this.sealer = sealer;
    }

    /** The header to send, or none when there are no credentials. */
    Map<String, String> headers(SealedValue sealed) {
        if (sealed == null) {
            return Map.of();
        }
        byte[] credentials = sealer.openValue(sealed);
        try {
            if (!JSON.readTree(credentials).isObject()) {
                throw notAnObject();
            }
            return Map.of(HEADER, Base64.getUrlEncoder().encodeToString(credentials));
        } catch (IOException e) {
            throw notAnObject();
        } finally {
            Arrays.fill(credentials, (byte) 0);
        }
    }

    private static OperationFailed notAnObject() {
        return new OperationFailed(Kind.invalid, "the registry credentials are not a JSON object");
    }
}
