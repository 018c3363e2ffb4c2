package io.powernode.devops.api.swarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powernode.devops.api.JsonBody;
import io.powernode.devops.api.endpoint.EndpointFields;
import io.powernode.devops.api.endpoint.EndpointForm;
import io.powernode.devops.api.endpoint.EndpointInput;
import io.powernode.devops.api.endpoint.EndpointRequests;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates the cluster body. A cluster is registered by its manager endpoint exactly as a host is,
 * {@code {"cluster": {"name", "manager_endpoint", "environment", "tls_verify", "tls_credentials",
 * "sync_interval_seconds"}}}, or on a registered host's endpoint and stored credentials,
 * {@code {"cluster": {"name", "host_id", "environment"?, "sync_interval_seconds"?}}}.
 */
@Component
class ClusterRequests {

    static final EndpointForm FORM = new EndpointForm("cluster", "manager_endpoint");
    static final String HOST_ID = "host_id";
    private static final List<String> HOST_PROVIDED =
            List.of(FORM.endpointField(), EndpointForm.TLS_VERIFY, EndpointForm.TLS_CREDENTIALS);

    /** A validated registration: one of the two forms. */
    sealed interface Registration permits OnEndpoint, OnHost {
        Map<String, Object> auditParameters();
    }

    record OnEndpoint(EndpointInput input) implements Registration {
        @Override
        public Map<String, Object> auditParameters() {
            return input.auditParameters();
        }
    }

    /** @param environment null: the host's */
    record OnHost(String name, String hostId, DeploymentEnvironment environment, int syncIntervalSeconds)
            implements Registration {
        @Override
        public Map<String, Object> auditParameters() {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put(EndpointForm.NAME, name);
            parameters.put(HOST_ID, hostId);
            if (environment != null) {
                parameters.put(EndpointForm.ENVIRONMENT, environment.name());
            }
            parameters.put(EndpointForm.SYNC_INTERVAL, syncIntervalSeconds);
            return parameters;
        }
    }

    private final JsonBody body;
    private final EndpointRequests endpoints;
    private final ObjectMapper json;

    ClusterRequests(JsonBody body, EndpointRequests endpoints, ObjectMapper json) {
        this.body = body;
        this.endpoints = endpoints;
        this.json = json;
    }

    Registration registration(String text) {
        Set<String> known = new HashSet<>(FORM.fields());
        known.add(HOST_ID);
        JsonBody.Fields fields = body.open(text, FORM.root(), known);
        JsonNode given = givenFields(text);
        if (!given.has(HOST_ID)) {
            EndpointInput input = endpoints.read(fields, FORM, true);
            fields.done();
            return new OnEndpoint(input);
        }
        String hostId = fields.string(HOST_ID, true);
        if (hostId != null && hostId.isBlank()) {
            fields.reject(HOST_ID, "must be the id of a host registered in this account");
        }
        for (String field : HOST_PROVIDED) {
            if (given.has(field)) {
                fields.reject(field, "must not be given with host_id: the cluster is reached through the host's"
                        + " endpoint and credentials");
            }
        }
        String name = EndpointFields.name(fields, true);
        DeploymentEnvironment environment = EndpointFields.environment(fields, false);
        Integer interval = EndpointFields.syncInterval(fields);
        fields.done();
        return new OnHost(name, hostId.trim(), environment,
                interval == null ? EndpointRequests.defaultSyncInterval() : interval);
    }

    EndpointInput update(String text) {
        return endpoints.update(text, FORM);
    }

    /** The fields the body names, read after {@link JsonBody#open} accepted it as JSON with a cluster object. */
    private JsonNode givenFields(String text) {
        try {
            return json.readTree(text).path(FORM.root());
        } catch (JsonProcessingException e) {
            // without the cause: a parser's message may quote the body, which may hold a private key
            throw new IllegalStateException("a body JsonBody accepted is not JSON");
        }
    }
}
