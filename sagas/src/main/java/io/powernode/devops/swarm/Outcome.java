package io.powernode.devops.swarm;

import java.util.List;

/**
 * What a successful operation reports: the id of what it created or changed, and what an operator should know.
 *
 * @param notes never a secret value
 */
record Outcome(String resourceId, List<String> notes) {

    Outcome {
        notes = List.copyOf(notes);
    }

    static Outcome of(String resourceId) {
        return new Outcome(resourceId, List.of());
    }
}
