package io.powernode.devops.rollout;

/**
 * A canary step's weight in whole replicas. Plain Swarm has no mesh to split traffic by percent: both services sit
 * behind the same endpoint, so the new version's share of the traffic is its share of the tasks.
 *
 * @param canary replicas of the new version
 * @param stable replicas of the stable version
 */
record CanarySplit(int canary, int stable) {

    /**
     * Below 100 % both versions keep at least one task, so a step never stops the stable version nor leaves the
     * canary without a task to judge; at 100 % every replica runs the new version.
     *
     * @param replicas the stable service's replicas before the rollout
     * @param weight   the step's weight, in percent
     */
    static CanarySplit of(int replicas, int weight) {
        if (weight >= 100) {
            return new CanarySplit(replicas, 0);
        }
        int canary = Math.max(1, (int) Math.round(replicas * weight / 100.0));
        return new CanarySplit(canary, Math.max(1, replicas - canary));
    }

    /** What the asked weight comes to: the new version's share of the replicas, in percent. */
    int effectiveWeight() {
        return (int) Math.round(100.0 * canary / (canary + stable));
    }
}
