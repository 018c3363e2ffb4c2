package io.powernode.devops.command.stack;

import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;

import java.util.List;

/**
 * The compose services whose spec a revision changes against the one Docker holds (the live one, or one left
 * degraded after it): the only ones a blue-green or canary rollout has anything to roll out for. Specs are compared
 * as the converter wrote them: it writes a given compose file the same way every time, so equal text is an equal
 * spec (and a converter that changed its writing would at worst roll out an unchanged service once more).
 */
final class ChangedServices {

    private ChangedServices() {
    }

    /** @param inDocker the plan of the revision Docker holds; null when none, which makes every service changed */
    static List<String> between(StackPlan inDocker, StackPlan next) {
        return next.services().stream()
                .filter(service -> inDocker == null || !sameSpec(inDocker.service(service.service()), service))
                .map(ServicePlan::service)
                .toList();
    }

    private static boolean sameSpec(ServicePlan before, ServicePlan after) {
        return before != null && before.spec().equals(after.spec());
    }
}
