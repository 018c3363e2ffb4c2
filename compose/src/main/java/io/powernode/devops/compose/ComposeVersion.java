package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A compose file's format version. The CLI (28) reads 3.0 to 3.13; a file without a version, or with
 * {@code "3"}, is read as the latest, 3.13. Version 2 files and anything else are refused, as the CLI refuses them.
 *
 * @param minor the x of 3.x
 */
record ComposeVersion(int minor) {

    static final ComposeVersion LATEST = new ComposeVersion(13);
    private static final String KEY = "version";

    /** The file's version, or null once the problem with it is reported. */
    static ComposeVersion of(ObjectNode root, Problems problems) {
        JsonNode version = root.get(KEY);
        if (version == null) {
            return LATEST;
        }
        if (!version.isTextual()) {
            problems.at(KEY, "version must be a string, e.g. \"3.8\"");
            return null;
        }
        String text = version.textValue();
        if (text.isEmpty() || text.equals("3")) {
            return LATEST;
        }
        for (int minor = 0; minor <= LATEST.minor; minor++) {
            if (text.equals("3." + minor)) {
                return new ComposeVersion(minor);
            }
        }
        problems.at(KEY, "unsupported Compose file version: " + text + " (docker stack deploy reads 3.0 to 3." + LATEST.minor + ")");
        return null;
    }

    @Override
    public String toString() {
        return "3." + minor;
    }
}
