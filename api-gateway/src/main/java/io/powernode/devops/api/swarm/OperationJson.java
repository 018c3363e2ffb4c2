package io.powernode.devops.api.swarm;

import io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationView;

import java.util.LinkedHashMap;
import java.util.Map;

/** A swarm operation as the API shows it: what was asked (as the audit shows it, never a secret) and how it ended. */
final class OperationJson {

    private OperationJson() {
    }

    static Map<String, Object> of(SwarmOperationView operation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", operation.id());
        json.put("cluster_id", operation.clusterId());
        json.put("type", operation.type());
        json.put("status", operation.status());
        json.put("target", operation.target());
        json.put("parameters", operation.parameters());
        json.put("resource_id", operation.resourceId());
        json.put("notes", operation.notes());
        json.put("failure_kind", operation.failureKind());
        json.put("failure_message", operation.failureMessage());
        json.put("requested_by", operation.requestedBy());
        json.put("requested_at", operation.requestedAt());
        json.put("started_at", operation.startedAt());
        json.put("completed_at", operation.completedAt());
        return json;
    }

    /** An operation the read model does not show yet: all the API knows is that it was requested. */
    static Map<String, Object> requested(String operationId, String clusterId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", operationId);
        json.put("cluster_id", clusterId);
        json.put("status", SwarmOperationView.REQUESTED);
        return json;
    }
}
