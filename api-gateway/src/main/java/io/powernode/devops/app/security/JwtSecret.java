package io.powernode.devops.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

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
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[48];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            }
            return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the JWT secret " + file, e);
        }
    }
}
