package io.powernode.devops.compose;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files that came with the compose file, by the path the file names them with. {@code docker stack deploy}
 * reads them from the disk next to the compose file; an API call sends them along instead. A path is matched as
 * written, else in its normal form ({@code ./a/../b.txt} is {@code b.txt}).
 */
final class ComposeFiles {

    private final Map<String, String> files;
    private final Set<String> readBySecrets = new TreeSet<>();

    ComposeFiles(Map<String, String> files) {
        this.files = files;
    }

    /** The content of the file at {@code path}, or null when it was not sent. */
    String read(String path) {
        String key = key(path);
        return key == null ? null : files.get(key);
    }

    /** The same, remembering that a secret read it: its content must stay sealed. */
    String readSecret(String path) {
        String key = key(path);
        if (key == null) {
            return null;
        }
        readBySecrets.add(key);
        return files.get(key);
    }

    Set<String> readBySecrets() {
        return readBySecrets;
    }

    private String key(String path) {
        if (files.containsKey(path)) {
            return path;
        }
        String normal = normal(path);
        return files.keySet().stream().filter(key -> normal(key).equals(normal)).findFirst().orElse(null);
    }

    private static String normal(String path) {
        try {
            return Path.of(path).normalize().toString();
        } catch (InvalidPathException e) {
            return path;
        }
    }
}
