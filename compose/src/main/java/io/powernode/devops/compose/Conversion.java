package io.powernode.devops.compose;

import io.powernode.devops.kernel.stack.StackPlan;

import java.util.List;
import java.util.Set;

/**
 * A compose file converted.
 *
 * @param plan        what {@code docker stack deploy} would send to the Engine API
 * @param warnings    what the CLI would warn about (keys it ignores in swarm mode, deprecated forms), one sentence each
 * @param secretFiles the keys of the {@code files} map that secrets read: their contents are secret, so the caller
 *                    keeps them sealed and drops them from what it stores in plaintext
 */
public record Conversion(StackPlan plan, List<String> warnings, Set<String> secretFiles) {

    public Conversion {
        warnings = List.copyOf(warnings);
        secretFiles = Set.copyOf(secretFiles);
    }
}
