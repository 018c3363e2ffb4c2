package io.powernode.devops.compose.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackPlan.ConfigPlan;
import io.powernode.devops.kernel.stack.StackPlan.NetworkPlan;
import io.powernode.devops.kernel.stack.StackPlan.SecretPlan;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Creates a fresh stack from a {@link StackPlan} through the raw Engine API, doing what the Docker gateway does
 * for a first deploy: networks, then secrets and configs, then services with the ids of the secrets and configs
 * they reference filled in by name (also a credential spec's config). Test-only: sealed secret contents are
 * opened with the function the test sealed them with.
 */
public final class PlanDeployer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineApi api;
    private final Function<SealedValue, byte[]> open;

    public PlanDeployer(EngineApi api, Function<SealedValue, byte[]> open) {
        this.api = api;
        this.open = open;
    }

    public void create(StackPlan plan) {
        for (NetworkPlan network : plan.networks()) {
            api.post("/networks/create", parse(network.spec()));
        }
        for (SecretPlan secret : plan.secrets()) {
            ObjectNode spec = parse(secret.spec());
            if (secret.data() != null) {
                spec.put("Data", Base64.getEncoder().encodeToString(open.apply(secret.data())));
            }
            api.post("/secrets/create", spec);
        }
        for (ConfigPlan config : plan.configs()) {
            api.post("/configs/create", parse(config.spec()));
        }
        Map<String, String> secretIds = ids("secrets");
        Map<String, String> configIds = ids("configs");
        for (ServicePlan service : plan.services()) {
            ObjectNode spec = parse(service.spec());
            JsonNode container = spec.path("TaskTemplate").path("ContainerSpec");
            container.path("Secrets").forEach(reference ->
                    ((ObjectNode) reference).put("SecretID", id(secretIds, reference.path("SecretName").asText())));
            container.path("Configs").forEach(reference ->
                    ((ObjectNode) reference).put("ConfigID", id(configIds, reference.path("ConfigName").asText())));
            JsonNode credentialSpec = container.path("Privileges").path("CredentialSpec");
            if (credentialSpec.has("Config")) {
                ((ObjectNode) credentialSpec).put("Config", id(configIds, credentialSpec.path("Config").asText()));
            }
            api.post("/services/create", spec);
        }
    }

    private Map<String, String> ids(String kind) {
        Map<String, String> ids = new HashMap<>();
        api.get("/" + kind).forEach(object -> ids.put(object.path("Spec").path("Name").asText(), object.path("ID").asText()));
        return ids;
    }

    private static String id(Map<String, String> ids, String name) {
        String id = ids.get(name);
        if (id == null) {
            throw new IllegalStateException("no secret or config named " + name + " in the swarm");
        }
        return id;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
