package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;

import java.io.IOException;

/**
 * The Engine API bodies a {@link io.powernode.devops.kernel.stack.StackPlan} carries as JSON text, read to be
 * completed (ids, image, secret data) and sent. The platform converted them itself, so one that cannot be read
 * is a defect, reported without quoting it.
 */
final class PlanSpecs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanSpecs() {
    }

    /** @param what e.g. "service shop_web", for the failure */
    static ObjectNode read(String text, String what) {
        try {
            if (JSON.readTree(text) instanceof ObjectNode spec) {
                return spec;
            }
        } catch (IOException e) {
            // answered below
        }
        throw new OperationFailed(Kind.invalid, "the plan of " + what + " is not a JSON object");
    }
}
