package io.powernode.devops.kernel.common;

/**
 * A secret value (a swarm secret's data, registry credentials) sealed with authenticated encryption before it
 * enters any message: only the Docker gateway opens it, right before Docker needs it.
 *
 * @param keyId      which master key sealed it, so keys can be rotated
 * @param ciphertext base64 of nonce and ciphertext with its authentication tag
 */
public record SealedValue(String keyId, String ciphertext) {
    @Override
    public String toString() {
        return "SealedValue[keyId=" + keyId + ", ciphertext=<sealed>]";
    }
}
