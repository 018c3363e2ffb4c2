package io.powernode.devops.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * A generated secret kept in a file readable by its owner only, so that the embedded defaults need no
 * set-up and a restart finds what the last run made. Written to a temporary file and moved into place, so
 * a crash mid-write cannot leave an empty secret behind.
 */
public final class SecretFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFile() {
    }

    /** The base64 text in {@code file}; created with {@code randomBytes} fresh random bytes when absent. */
    public static String readOrCreate(Path file, int randomBytes) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[randomBytes];
                new SecureRandom().nextBytes(fresh);
                Path directory = file.toAbsolutePath().getParent();
                Files.createDirectories(directory);
                Path partial = Files.createTempFile(directory, file.getFileName().toString(), ".partial",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(partial, Base64.getEncoder().encodeToString(fresh));
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            }
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                throw new IllegalStateException(file + " must be readable by its owner only (chmod 600)");
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret file " + file, e);
        }
    }
}
