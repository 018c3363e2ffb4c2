package io.powernode.devops.rollout;

import io.powernode.devops.kernel.stack.StackEvents.DeploymentOrder;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;
import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import io.powernode.devops.kernel.stack.Strategy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one attempt of a deployment is to carry out: the stack's order, without the compose source a rollout has no
 * use for.
 *
 * @param activeServices compose service to the Docker service that serves it, where that is not the plan's name
 */
record RolloutOrder(String stackId, String accountId, String clusterId, String deploymentId, int attempt,
                    StackPlan plan, DeployOptions options, Strategy strategy, List<String> changedServices,
                    Map<String, String> activeServices) {

    RolloutOrder {
        changedServices = List.copyOf(changedServices);
        activeServices = Map.copyOf(activeServices);
    }

    static RolloutOrder of(String stackId, String accountId, DeploymentOrder order) {
        return new RolloutOrder(stackId, accountId, order.clusterId(), order.deploymentId(), order.attempt(),
                order.revision().plan(), order.revision().options(), order.strategy(), order.changedServices(),
                order.activeServices());
    }

    /**
     * The cluster's id for one of the attempt's operations: the same key in the same attempt always names the same
     * operation, so a request sent again is recognised, and a retry (a new attempt) asks for new ones.
     */
    String operationId(String key) {
        return UUID.nameUUIDFromBytes((deploymentId + "/" + attempt + "/" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    String activeName(ServicePlan service) {
        return activeServices.getOrDefault(service.service(), service.name());
    }

    /** Every compose service of the plan to the Docker service that serves it now. */
    Map<String, String> activeNames() {
        Map<String, String> names = new LinkedHashMap<>();
        plan.services().forEach(service -> names.put(service.service(), activeName(service)));
        return names;
    }

    /** The plan with each service under the name that serves it (see {@link RolloutSpecs#asActive}). */
    StackPlan activePlan() {
        return new StackPlan(plan.stack(), plan.networks(), plan.secrets(), plan.configs(),
                plan.services().stream().map(service -> RolloutSpecs.asActive(service, activeName(service))).toList(),
                plan.externalNetworks());
    }

    /** The services the strategy rolls out itself, if Docker has them: changed, and named by the strategy. */
    List<ServicePlan> candidates() {
        return plan.services().stream()
                .filter(service -> changedServices.contains(service.service()))
                .filter(service -> strategy.services().isEmpty() || strategy.services().contains(service.service()))
                .toList();
    }
}
