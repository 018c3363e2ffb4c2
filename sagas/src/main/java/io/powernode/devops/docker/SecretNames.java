package io.powernode.devops.docker;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Labels (of containers, volumes, and copied into event attributes) are free-form, and people put tokens in
 * them. Entries whose name looks like it holds a secret never leave the Docker gateway.
 */
final class SecretNames {

    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|passwd|secret|token|credential|private[_.-]?key|api[_.-]?key|auth).*");

    private SecretNames() {
    }

    static boolean looksSecret(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /** A copy sorted by name, so equal label sets compare equal; null gives an empty map. */
    static TreeMap<String, String> withoutSecrets(Map<String, String> labels) {
        TreeMap<String, String> kept = new TreeMap<>();
        if (labels != null) {
            labels.forEach((name, value) -> {
                if (!looksSecret(name)) {
                    kept.put(name, value);
                }
            });
        }
        return kept;
    }
}
