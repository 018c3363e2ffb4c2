package io.powernode.devops.app.security;

import io.powernode.devops.secrets.SecretFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The HS256 key that signs API tokens: POWERNODE_JWT_SECRET when set, otherwise a random one generated on
 * first start and kept (mode 0600) in the data directory, so tokens minted locally survive restarts.
 */
public final class JwtSecret {

    /** HS256 needs a key at least as long as its 256-bit hash. */
    static final int MIN_BYTES = 32;
    static final String FILE_NAME = "jwt-secret";

    private JwtSecret() {
    }

    public static byte[] resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            byte[] key = configured.getBytes(StandardCharsets.UTF_8);
            if (key.length < MIN_BYTES) {
                throw new IllegalStateException("POWERNODE_JWT_SECRET must be at least " + MIN_BYTES + " bytes long for HS256");
            }
            return key;
        }
        return loadOrCreate(dataDir.resolve(FILE_NAME));
    }

    private static byte[] loadOrCreate(Path file) {
        return SecretFile.readOrCreate(file, 48).getBytes(StandardCharsets.UTF_8);
    }
}
