package io.powernode.devops.kernel.host;

/**
 * TLS credentials (CA, client certificate and key) sealed with authenticated encryption before they
 * enter any message: only the Docker gateway opens them, just before it connects.
 *
 * @param keyId      which master key sealed them, so keys can be rotated
 * @param ciphertext base64 of nonce and ciphertext with its authentication tag
 */
public record SealedCredentials(String keyId, String ciphertext) {
    @Override
    public String toString() {
        return "SealedCredentials[keyId=" + keyId + ", ciphertext=<sealed>]";
    }
}
