package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateJoinTokens;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateSwarmSettings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The swarm's own settings and keys, through the raw Engine API: docker-java's SwarmSpec has no encryption
 * config (autolock) and its update command cannot rotate the unlock key. Keys and tokens are never read here:
 * a rotation only asks Docker to make new ones.
 */
final class SwarmSettings {

    private static final String SWARM = "/swarm";
    static final String AUTOLOCK_NOTE =
            "autolock is on: read the unlock key now and keep it safe; a restarted manager needs it to rejoin";

    Outcome update(EngineApi api, UpdateSwarmSettings settings) {
        JsonNode current = api.get(SWARM);
        ObjectNode spec = SwarmObjects.specOf(current);
        if (settings.autolock() != null) {
            spec.withObjectProperty("EncryptionConfig").put("AutoLockManagers", settings.autolock());
        }
        if (settings.taskHistoryLimit() != null) {
            spec.withObjectProperty("Orchestration").put("TaskHistoryRetentionLimit", settings.taskHistoryLimit());
        }
        post(api, current, spec, Map.of());
        return new Outcome(current.path("ID").asText(),
                Boolean.TRUE.equals(settings.autolock()) ? List.of(AUTOLOCK_NOTE) : List.of());
    }

    Outcome rotateJoinTokens(EngineApi api, RotateJoinTokens rotate) {
        if (!rotate.worker() && !rotate.manager()) {
            throw new OperationFailed(Kind.invalid, "name the join token to rotate: worker, manager or both");
        }
        JsonNode current = api.get(SWARM);
        post(api, current, SwarmObjects.specOf(current),
                Map.of("rotateWorkerToken", rotate.worker(), "rotateManagerToken", rotate.manager()));
        return Outcome.of(current.path("ID").asText());
    }

    /** Docker accepts a rotation without autolock and silently makes no key: refused, so nobody waits for one. */
    Outcome rotateUnlockKey(EngineApi api) {
        JsonNode current = api.get(SWARM);
        if (!current.path("Spec").path("EncryptionConfig").path("AutoLockManagers").asBoolean()) {
            throw new OperationFailed(Kind.refused, "autolock is off: the swarm has no unlock key to rotate");
        }
        post(api, current, SwarmObjects.specOf(current), Map.of("rotateManagerUnlockKey", true));
        return new Outcome(current.path("ID").asText(), List.of(AUTOLOCK_NOTE));
    }

    /** The swarm is updated at {@code /swarm/update}, not under an id as other objects are. */
    private static void post(EngineApi api, JsonNode current, ObjectNode spec, Map<String, Object> rotations) {
        Map<String, Object> parameters = new HashMap<>(rotations);
        parameters.put("version", SwarmObjects.version(current));
        api.post(EngineApi.query(SWARM + "/update", parameters), spec);
    }
}
