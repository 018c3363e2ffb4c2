package io.powernode.devops.swarm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.exception.NotFoundException;
import io.powernode.devops.docker.DockerConnection;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.FindJoinTokens;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.FindUnlockKey;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.Inspection;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.InspectSwarmObject;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.JoinTokens;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.ObjectKind;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.ReadServiceLogs;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.ServiceLogs;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.UnlockKey;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers what only the swarm itself can: join tokens, the unlock key, full inspections and service logs, asked
 * of the cluster's manager at once. Each answer is for the cluster's own account; another account's cluster, like
 * a missing object, is answered with null. Answers are never logged: they may hold tokens and keys.
 */
@Component
public class SwarmLiveQueryHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final SwarmEndpoints endpoints;

    SwarmLiveQueryHandler(SwarmEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @QueryHandler
    public JoinTokens handle(FindJoinTokens query) {
        return ask(query.clusterId(), query.accountId(), manager -> {
            JsonNode tokens = manager.api().get("/swarm").path("JoinTokens");
            return new JoinTokens(tokens.path("Worker").asText(), tokens.path("Manager").asText(),
                    SwarmObjects.managerAddresses(manager.api()));
        });
    }

    /** The key is null when autolock is off: Docker then answers an empty one. */
    @QueryHandler
    public UnlockKey handle(FindUnlockKey query) {
        return ask(query.clusterId(), query.accountId(), manager -> {
            String key = manager.api().get("/swarm/unlockkey").path("UnlockKey").asText("");
            return new UnlockKey(key.isEmpty() ? null : key);
        });
    }

    /** Docker's inspect answer, without the swarm's join tokens or a secret's data. */
    @QueryHandler
    public Inspection handle(InspectSwarmObject query) {
        return ask(query.clusterId(), query.accountId(), manager -> {
            JsonNode body = manager.api().get(inspectPath(query.kind(), query.id()));
            if (body instanceof ObjectNode object) {
                object.remove("JoinTokens");
                if (query.kind() == ObjectKind.secret && object.path("Spec") instanceof ObjectNode spec) {
                    spec.remove("Data");
                }
            }
            return new Inspection(JSON.convertValue(body, MAP));
        });
    }

    /**
     * Both streams, with each line's time and the task and node that wrote it, through the raw Engine API:
     * docker-java's log command cannot ask for the details that name them.
     */
    @QueryHandler
    public ServiceLogs handle(ReadServiceLogs query) {
        return ask(query.clusterId(), query.accountId(), manager -> {
            Map<String, Object> parameters = new HashMap<>(Map.of(
                    "stdout", true, "stderr", true, "timestamps", true, "details", true));
            if (query.tail() != null) {
                parameters.put("tail", query.tail());
            }
            if (query.since() != null) {
                parameters.put("since", query.since().getEpochSecond() + "." + String.format("%09d", query.since().getNano()));
            }
            byte[] stream = manager.api().getBytes(
                    EngineApi.query(SwarmObjects.path("/services", query.serviceId()) + "/logs", parameters));
            return new ServiceLogs(query.serviceId(), ServiceLogLines.read(stream));
        });
    }

    private static String inspectPath(ObjectKind kind, String id) {
        return switch (kind) {
            case swarm -> "/swarm";
            case node -> SwarmObjects.path("/nodes", id);
            case service -> SwarmObjects.path("/services", id);
            case task -> SwarmObjects.path("/tasks", id);
            case network -> SwarmObjects.path("/networks", id);
            case volume -> SwarmObjects.path("/volumes", id);
            case secret -> SwarmObjects.path(FileKind.SECRET.path(), id);
            case config -> SwarmObjects.path(FileKind.CONFIG.path(), id);
        };
    }

    /**
     * @return null for another account's cluster or a missing object
     * @throws SwarmQueryFailed when the manager cannot answer
     */
    private <T> T ask(String clusterId, String accountId, Function<DockerConnection, T> question) {
        Optional<DockerConnection> owned;
        try {
            owned = endpoints.managerIfOwned(clusterId, accountId);
        } catch (RuntimeException e) {
            throw new SwarmQueryFailed(OperationFailures.classify(e));
        }
        if (owned.isEmpty()) {
            return null;
        }
        try (DockerConnection manager = owned.get()) {
            return question.apply(manager);
        } catch (NotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            throw new SwarmQueryFailed(OperationFailures.classify(e));
        }
    }
}
