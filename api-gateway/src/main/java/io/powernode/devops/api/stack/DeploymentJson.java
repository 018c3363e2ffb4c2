package io.powernode.devops.api.stack;

import io.powernode.devops.kernel.stack.StackViews.DeploymentEventView;
import io.powernode.devops.kernel.stack.StackViews.DeploymentView;

import java.util.LinkedHashMap;
import java.util.Map;

/** A deployment as the API shows it; with its timeline and compose file when shown alone. */
final class DeploymentJson {

    private DeploymentJson() {
    }

    static Map<String, Object> of(DeploymentView deployment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", deployment.id());
        json.put("stack_id", deployment.stackId());
        json.put("stack_name", deployment.stackName());
        json.put("cluster_id", deployment.clusterId());
        json.put("revision", deployment.revision());
        json.put("previous_revision", deployment.previousRevision());
        json.put("trigger", deployment.trigger());
        json.put("based_on_deployment_id", deployment.basedOnDeploymentId());
        json.put("strategy", StrategyJson.of(deployment.strategy()));
        json.put("phase", deployment.phase());
        json.put("message", deployment.message());
        json.put("attempt", deployment.attempt());
        json.put("step", deployment.step());
        json.put("weight", deployment.weight());
        json.put("requested_by", deployment.requestedBy());
        json.put("requested_at", deployment.requestedAt());
        json.put("updated_at", deployment.updatedAt());
        json.put("finished_at", deployment.finishedAt());
        json.put("changed_services", deployment.changedServices());
        json.put("active_services", deployment.activeServices());
        json.put("warnings", deployment.warnings());
        if (deployment.timeline() != null) {
            json.put("compose", deployment.compose());
            json.put("environment_keys", deployment.environmentKeys());
            json.put("file_names", deployment.fileNames());
            json.put("timeline", deployment.timeline().stream().map(DeploymentJson::entry).toList());
        }
        return json;
    }

    private static Map<String, Object> entry(DeploymentEventView event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", event.type());
        json.put("at", event.at());
        json.put("phase", event.phase());
        json.put("actor", event.actor());
        json.put("details", event.details());
        return json;
    }
}
