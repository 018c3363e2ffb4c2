package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code docker stack rm}: the stack's services, then its secrets, configs and networks, all found by the namespace
 * label. As with the CLI, a failure to remove one object does not stop the others; the operation fails afterwards,
 * naming each. An object still in use (a network whose tasks' containers are being stopped, a secret a task still
 * holds) is tried again for a while before it counts as a failure.
 */
final class StackRemoval {

    private static final long RETRY_MILLIS = 1_000;

    private final Duration patience;

    /** @param patience how long an object in use is tried again */
    StackRemoval(Duration patience) {
        this.patience = patience;
    }

    Outcome remove(EngineApi api, String stack) {
        List<String> removed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Kind failureKind = null;
        for (Collection collection : Collection.values()) {
            Map<String, JsonNode> objects = new TreeMap<>(StackObjects.labelled(api, collection.path, stack));
            for (Map.Entry<String, JsonNode> object : objects.entrySet()) {
                String what = collection.noun + " " + object.getKey();
                try {
                    removeWhenFree(api, SwarmObjects.path(collection.path, idOf(object.getValue())));
                    removed.add("removed " + what);
                } catch (RuntimeException e) {
                    OperationFailure failure = OperationFailures.classify(e);
                    failureKind = failureKind == null ? failure.kind() : failureKind;
                    failures.add("could not remove " + what + ": " + failure.message());
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new OperationFailed(failureKind, String.join("; ", removed)
                    + (removed.isEmpty() ? "" : "; but ") + String.join("; ", failures));
        }
        return new Outcome(stack, removed.isEmpty() ? List.of("nothing found in stack " + stack) : removed);
    }

    private void removeWhenFree(EngineApi api, String path) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                api.delete(path);
                return;
            } catch (RuntimeException e) {
                if (OperationFailures.classify(e).kind() != Kind.conflict || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationFailed(Kind.failed, "interrupted while waiting for an object in use to be let go");
            }
        }
    }

    /** Networks answer their id as {@code Id}, swarm objects as {@code ID}. */
    private static String idOf(JsonNode object) {
        return object.has("ID") ? object.path("ID").asText() : object.path("Id").asText();
    }

    /** In the order the CLI removes them: services first, as they hold the rest. */
    private enum Collection {
        SERVICES("service", StackObjects.SERVICES),
        SECRETS("secret", FileKind.SECRET.path()),
        CONFIGS("config", FileKind.CONFIG.path()),
        NETWORKS("network", StackObjects.NETWORKS);

        private final String noun;
        private final String path;

        Collection(String noun, String path) {
            this.noun = noun;
            this.path = path;
        }
    }
}
