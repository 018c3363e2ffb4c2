package io.powernode.devops.rollout;

/**
 * Where a full promote jumps to: the blue-green switch, the canary's full rollout. Reached the ordinary way, it
 * does nothing.
 */
record PromotionPoint() implements Stage {

    @Override
    public void begin(RolloutRun run) {
        run.stageDone();
    }
}
