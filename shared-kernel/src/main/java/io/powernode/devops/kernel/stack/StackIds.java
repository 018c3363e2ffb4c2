package io.powernode.devops.kernel.stack;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A stack is its name in its cluster, as on Docker's side, where nothing but the namespace label ties its objects
 * together. Its id is derived from both, so that a stack the CLI deployed has its id before the platform ever
 * deploys it, and deploying it again from the platform updates the same stack.
 */
public final class StackIds {

    /**
     * What the CLI accepts as a namespace and Docker as the prefix of an object name: a letter or digit, then
     * letters, digits, dashes and underscores.
     */
    public static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");

    private StackIds() {
    }

    public static String of(String clusterId, String stackName) {
        return UUID.nameUUIDFromBytes(("swarm-stack/" + clusterId + "/" + stackName).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
