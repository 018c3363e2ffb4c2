package io.powernode.devops.swarm;

/**
 * The labels a rollout puts on the services it creates or changes. Plain stack services carry none (as with the
 * CLI); the service serving its compose service carries no role either.
 */
final class RolloutLabels {

    /** {@code green}, {@code canary} or {@code blue}: a service a rollout runs beside the stack's own. */
    static final String ROLE = "io.powernode.rollout.role";

    private RolloutLabels() {
    }
}
