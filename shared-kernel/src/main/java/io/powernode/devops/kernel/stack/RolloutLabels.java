package io.powernode.devops.kernel.stack;

/**
 * The labels a rollout puts on the services it creates or changes, so that Docker itself says which part each one
 * plays: the gateway sets them, the read models show them. A stack's plain services carry none of them, as the CLI
 * deploys them.
 */
public final class RolloutLabels {

    /** {@code green}, {@code canary} or {@code blue}; absent on the service that serves its compose service. */
    public static final String ROLE = "io.powernode.rollout.role";
    /** The deployment that created or last changed the service. */
    public static final String DEPLOYMENT = "io.powernode.rollout.deployment";
    /** The compose service the service runs, whatever its Docker name. */
    public static final String COMPOSE_SERVICE = "io.powernode.stack.service";

    public static final String GREEN = "green";
    public static final String BLUE = "blue";
    public static final String CANARY = "canary";

    private RolloutLabels() {
    }
}
