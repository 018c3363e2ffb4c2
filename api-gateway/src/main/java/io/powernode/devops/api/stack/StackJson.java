package io.powernode.devops.api.stack;

import io.powernode.devops.kernel.stack.StackViews.StackServiceView;
import io.powernode.devops.kernel.stack.StackViews.StackView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stack as the API shows it: what runs, and where its deployments stand. */
final class StackJson {

    private StackJson() {
    }

    static Map<String, Object> of(StackView stack) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", stack.id());
        json.put("cluster_id", stack.clusterId());
        json.put("name", stack.name());
        json.put("managed", stack.managed());
        json.put("status", stack.status());
        json.put("live_revision", stack.liveRevision());
        json.put("latest_revision", stack.latestRevision());
        json.put("active_deployment_id", stack.activeDeploymentId());
        json.put("last_deployment_id", stack.lastDeploymentId());
        json.put("last_deployment_phase", stack.lastDeploymentPhase());
        json.put("active_services", stack.activeServices());
        json.put("service_count", stack.services().size());
        json.put("services", services(stack.services()));
        json.put("created_at", stack.createdAt());
        json.put("updated_at", stack.updatedAt());
        return json;
    }

    static List<Map<String, Object>> services(List<StackServiceView> services) {
        return services.stream().map(StackJson::service).toList();
    }

    private static Map<String, Object> service(StackServiceView service) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", service.id());
        json.put("name", service.name());
        json.put("service", service.service());
        json.put("role", service.role());
        json.put("mode", service.mode());
        json.put("image", service.image());
        json.put("desired_replicas", service.desiredReplicas());
        json.put("running_tasks", service.runningTasks());
        json.put("update_state", service.updateState());
        json.put("update_message", service.updateMessage());
        return json;
    }
}
