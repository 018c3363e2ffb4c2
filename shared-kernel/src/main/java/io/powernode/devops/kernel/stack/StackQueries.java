package io.powernode.devops.kernel.stack;

import io.powernode.devops.kernel.common.PageRequest;

/** Queries on stacks and deployments; all are scoped to one account; null filters match everything. */
public final class StackQueries {
    private StackQueries() {
    }

    /** Answers {@link StackViews.StackView}, or null when no cluster of the account holds the stack. */
    public record FindStack(String accountId, String stackId) {
    }

    /**
     * The stacks the platform deployed and those it found on its clusters (services labelled with a namespace),
     * by name; answers {@link StackViews.StackPage}.
     */
    public record ListStacks(String accountId, String clusterId, PageRequest page) {
    }

    /** Answers {@link StackViews.DeploymentView} with its timeline, or null when the account has no such one. */
    public record FindDeployment(String accountId, String deploymentId) {
    }

    /**
     * Newest first, without timelines; answers {@link StackViews.DeploymentPage}. {@code service}, a compose service
     * name, keeps the deployments that changed it: a service's own history.
     */
    public record ListDeployments(String accountId, String clusterId, String stackId, String service,
                                  DeploymentPhase phase, PageRequest page) {
    }

    /**
     * The account's deployment feed, as the cluster feed: initial result a {@code List<DeploymentFeedEntry>} after
     * {@code afterPosition} (empty when negative, at most 1000), updates new {@link StackViews.DeploymentFeedEntry}
     * entries numbered alike.
     */
    public record StreamDeploymentFeed(String accountId, long afterPosition) {
    }
}
