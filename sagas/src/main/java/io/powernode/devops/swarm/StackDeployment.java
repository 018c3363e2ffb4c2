package io.powernode.devops.swarm;

import io.powernode.devops.kernel.stack.RolloutLabels;
import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.kernel.swarm.SwarmOperation.ApplyService;
import io.powernode.devops.kernel.swarm.SwarmOperation.DeployStack;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code docker stack deploy} of a converted plan, in the CLI's order: prune, networks, secrets, configs, services.
 * One difference: external networks are checked before anything is changed (the CLI prunes first), so a deploy
 * refused for a missing network leaves the stack as it was.
 */
final class StackDeployment {

    private final StackFiles files;
    private final ServicePlans services;

    StackDeployment(StackFiles files, ServicePlans services) {
        this.files = files;
        this.services = services;
    }

    /** @return the stack's name, and one note per object created, updated or removed and per warning */
    Outcome deploy(EngineApi api, DeployStack deploy) {
        StackPlan plan = deploy.plan();
        StackNetworks.requireExternal(api, plan.externalNetworks());
        Set<String> held = Set.copyOf(deploy.heldServices());
        StepLog steps = new StepLog();
        Map<String, JsonNode> existing = StackObjects.labelled(api, StackObjects.SERVICES, plan.stack());
        if (deploy.options().prune()) {
            prune(api, plan, held, existing, steps);
        }
        StackNetworks.createMissing(api, plan, steps);
        files.write(api, plan, steps);
        SwarmFiles swarmFiles = SwarmFiles.read(api);
        for (ServicePlan service : plan.services()) {
            JsonNode current = existing.get(service.name());
            if (current != null && held.contains(service.name())) {
                steps.done("left service " + service.name() + " to its rollout");
            } else {
                services.apply(api, service, current, deploy.options(), swarmFiles, steps);
            }
        }
        return new Outcome(plan.stack(), steps.notes());
    }

    /**
     * One service of a stack, by its Docker name, with the same rules as a deploy. A service of that name in another
     * stack is not taken over.
     *
     * @return the service's id, and the notes
     */
    Outcome apply(EngineApi api, ApplyService apply) {
        JsonNode current = StackObjects.service(api, apply.service().name()).orElse(null);
        String namespace = current == null ? null
                : current.path("Spec").path("Labels").path(StackPlan.NAMESPACE_LABEL).asText(null);
        if (namespace != null && !namespace.equals(apply.stack())) {
            throw new OperationFailed(Kind.conflict, "service " + apply.service().name() + " belongs to stack "
                    + namespace + ", not " + apply.stack());
        }
        StepLog steps = new StepLog();
        String id = services.apply(api, apply.service(), current, apply.options(), SwarmFiles.read(api), steps);
        return new Outcome(id, steps.notes());
    }

    /**
     * The stack's services the plan no longer names are removed, but for those a rollout runs beside the stack's
     * own (labelled with a role) or holds: they are the rollout's to remove.
     */
    private static void prune(EngineApi api, StackPlan plan, Set<String> held, Map<String, JsonNode> existing,
                              StepLog steps) {
        Set<String> planned = new HashSet<>();
        plan.services().forEach(service -> planned.add(service.name()));
        // by name, as the CLI removes them
        for (Map.Entry<String, JsonNode> service : new TreeMap<>(existing).entrySet()) {
            String name = service.getKey();
            boolean rollouts = service.getValue().path("Spec").path("Labels").has(RolloutLabels.ROLE);
            if (planned.contains(name) || held.contains(name) || rollouts) {
                continue;
            }
            try {
                api.delete(SwarmObjects.path(StackObjects.SERVICES, service.getValue().path("ID").asText()));
            } catch (RuntimeException e) {
                throw steps.failed("could not remove service " + name + ", which the stack no longer names", e);
            }
            steps.done("removed service " + name + ", which the stack no longer names");
        }
    }
}
