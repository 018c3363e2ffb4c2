package io.powernode.devops.secrets;

import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.host.SealedCredentials;

/** Seals TLS credentials and secret values before they enter a message, and opens them where a connection needs them. */
public interface CredentialSealer {

    SealedCredentials seal(TlsMaterial material);

    /** @throws CredentialsUnreadable when the ciphertext was not sealed by a key this sealer holds, or was altered */
    TlsMaterial open(SealedCredentials sealed);

    /** Seals a secret value (a swarm secret's data, registry credentials) before it enters a message. */
    SealedValue sealValue(byte[] value);

    /** @throws CredentialsUnreadable as {@link #open} */
    byte[] openValue(SealedValue sealed);

    class CredentialsUnreadable extends RuntimeException {
        public CredentialsUnreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
