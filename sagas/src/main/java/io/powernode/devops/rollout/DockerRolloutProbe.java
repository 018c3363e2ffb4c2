package io.powernode.devops.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.exception.NotFoundException;
import io.powernode.devops.docker.DockerConnection;
import io.powernode.devops.docker.DockerFailures;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;
import io.powernode.devops.swarm.SwarmEndpoints;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The rollout's eyes on Docker: a service and its tasks as the cluster's manager reports them, through one
 * connection per look, and plain HTTP GETs of the endpoints a rollout probes. Only reads: a rollout changes
 * Docker only through the cluster's swarm operations.
 */
@Component
public class DockerRolloutProbe implements RolloutProbe {

    /** Task states after which a task's container has ended, so its exit code means something. */
    private static final Set<String> ENDED = Set.of("complete", "failed", "rejected", "shutdown", "orphaned", "remove");
    /** What a manager listening on every interface reports as its address; its manager address says more. */
    private static final String ANY_ADDRESS = "0.0.0.0";

    private final SwarmEndpoints endpoints;
    private final HttpClient http = HttpClient.newBuilder()
            // a redirect is an answer: a 3xx counts as success, not as a reason to ask elsewhere
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public DockerRolloutProbe(SwarmEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public ServiceObservation observe(String clusterId, String accountId, String serviceName) {
        Optional<DockerConnection> owned;
        try {
            owned = endpoints.managerIfOwned(clusterId, accountId);
        } catch (RuntimeException e) {
            throw new ProbeFailed("cannot reach the manager of cluster " + clusterId + ": " + DockerFailures.reason(e), e);
        }
        if (owned.isEmpty()) {
            // another account's cluster is answered alike: one account learns nothing of another's
            throw new ProbeFailed("cluster " + clusterId + " is not registered", null);
        }
        try (DockerConnection manager = owned.get()) {
            return observe(manager.api(), serviceName);
        } catch (RuntimeException e) {
            throw new ProbeFailed("cannot read service " + serviceName + " of cluster " + clusterId + ": "
                    + DockerFailures.reason(e), e);
        }
    }

    /** By name, which Docker matches exactly before it tries ids (and a stack's names, with "_", are no ids). */
    private static ServiceObservation observe(EngineApi api, String name) {
        JsonNode service;
        try {
            service = api.get("/services/" + EngineApi.segment(name));
        } catch (NotFoundException e) {
            return ServiceObservation.missing(name);
        }
        JsonNode spec = service.path("Spec");
        JsonNode replicated = spec.path("Mode").path("Replicated");
        JsonNode update = service.path("UpdateStatus");
        JsonNode tasks = api.get(EngineApi.filtered("/tasks", "service", service.path("ID").asText()));
        Map<String, String> addresses = tasks.isEmpty() ? Map.of() : nodeAddresses(api);
        List<TaskObservation> observed = new ArrayList<>();
        tasks.forEach(task -> observed.add(task(task, addresses)));
        return new ServiceObservation(name, true,
                replicated.isObject() ? replicated.path("Replicas").asInt() : null,
                spec.path("TaskTemplate").path("ContainerSpec").path("Image").asText(null),
                text(update.path("State")), text(update.path("Message")), instant(update.path("StartedAt")),
                ports(service), observed);
    }

    /**
     * The ports its endpoint publishes as Docker has allocated them, a port the spec left open included, so that a
     * rollout setting them back (a blue-green rollback) gets the same ports; the spec's own until Docker has.
     */
    private static List<PublishedPort> ports(JsonNode service) {
        JsonNode assigned = service.path("Endpoint").path("Ports");
        List<PublishedPort> ports = new ArrayList<>();
        for (JsonNode port : assigned.isEmpty() ? service.path("Spec").path("EndpointSpec").path("Ports") : assigned) {
            ports.add(new PublishedPort(port.path("TargetPort").asInt(),
                    port.hasNonNull("PublishedPort") ? port.path("PublishedPort").asInt() : null,
                    text(port.path("Protocol")), text(port.path("PublishMode"))));
        }
        return ports;
    }

    private static TaskObservation task(JsonNode task, Map<String, String> addresses) {
        JsonNode status = task.path("Status");
        String state = text(status.path("State"));
        JsonNode exitCode = status.path("ContainerStatus").path("ExitCode");
        return new TaskObservation(task.path("ID").asText(),
                task.hasNonNull("Slot") ? task.path("Slot").asInt() : null,
                text(task.path("NodeID")), addresses.get(task.path("NodeID").asText()), state,
                text(task.path("DesiredState")),
                text(task.path("Spec").path("ContainerSpec").path("Image")),
                instant(task.path("CreatedAt")), instant(task.path("UpdatedAt")), text(status.path("Err")),
                ENDED.contains(state) && exitCode.isNumber() ? exitCode.asInt() : null);
    }

    /** Each node's address as its tasks' published host-mode ports are reached. */
    private static Map<String, String> nodeAddresses(EngineApi api) {
        Map<String, String> addresses = new HashMap<>();
        for (JsonNode node : api.get("/nodes")) {
            String address = node.path("Status").path("Addr").asText();
            String managerAddress = node.path("ManagerStatus").path("Addr").asText();
            if ((address.isEmpty() || ANY_ADDRESS.equals(address)) && managerAddress.contains(":")) {
                address = managerAddress.substring(0, managerAddress.lastIndexOf(':'));
            }
            addresses.put(node.path("ID").asText(), address.isEmpty() ? null : address);
        }
        return addresses;
    }

    @Override
    public List<HttpResult> http(List<URI> targets, int requests, Duration timeout) {
        List<HttpResult> results = new ArrayList<>();
        for (URI target : targets) {
            int successes = 0;
            for (int i = 0; i < requests; i++) {
                successes += answers(target, timeout) ? 1 : 0;
            }
            results.add(new HttpResult(target, requests, successes));
        }
        return results;
    }

    /** A 2xx or 3xx within the timeout; anything else (no answer, a refused connection, a 5xx) is a failure. */
    private boolean answers(URI target, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout).GET().build();
        // the wait bounds the whole exchange, connecting included, whatever the request's own timeout counts
        CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            int status = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            return status >= 200 && status < 400;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            answer.cancel(true);
            return false;
        }
    }

    private static String text(JsonNode value) {
        return value.isValueNode() && !value.asText().isEmpty() ? value.asText() : null;
    }

    private static Instant instant(JsonNode value) {
        String text = text(value);
        return text == null ? null : Instant.parse(text);
    }
}
