package io.powernode.devops.secrets;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The 256-bit key that seals credentials at rest. Its id is derived from the key itself, so a sealed
 * value names the key that opens it without revealing anything about it.
 */
public record MasterKey(String id, byte[] bytes) {

    private static final int KEY_BYTES = 32;

    public MasterKey {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("a master key is " + KEY_BYTES + " bytes, got " + bytes.length);
        }
    }

    /** A key supplied by configuration, base64-encoded. */
    public static MasterKey fromBase64(String encoded) {
        return of(Base64.getDecoder().decode(encoded.trim()));
    }

    /**
     * The key kept in {@code file}; created (random, mode 0600, readable by this user only) on first use,
     * so the embedded default needs no set-up and a restart opens what the last run sealed.
     */
    public static MasterKey loadOrCreate(Path file) {
        return fromBase64(SecretFile.readOrCreate(file, KEY_BYTES));
    }

    private static MasterKey of(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new MasterKey("mk-" + HexFormat.of().formatHex(digest, 0, 6), bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MasterKey other && id.equals(other.id) && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
