package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.secrets.CredentialSealer;

import java.util.Arrays;
import java.util.Base64;

/**
 * A secret's content, put into the body of the request that creates (or updates) it, right before it is sent
 * and nowhere else: the sealed value is opened only here, and its plain bytes are wiped once encoded.
 */
final class SecretData {

    private final CredentialSealer sealer;

    SecretData(CredentialSealer sealer) {
        this.sealer = sealer;
    }

    /** Sets the SecretSpec's {@code Data}; returns the spec. */
    ObjectNode into(ObjectNode spec, SealedValue value) {
        byte[] plain = sealer.openValue(value);
        try {
            spec.put("Data", Base64.getEncoder().encodeToString(plain));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        return spec;
    }
}
