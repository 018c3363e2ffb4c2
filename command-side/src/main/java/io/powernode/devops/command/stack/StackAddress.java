package io.powernode.devops.command.stack;

import io.powernode.devops.kernel.stack.StackIds;

/**
 * Where a stack lives and whose it is. Its id is derived from its cluster and name, so that a stack the CLI
 * deployed has its id before the platform first addresses it; a command naming them must name that very id.
 */
record StackAddress(String stackId, String accountId, String clusterId, String stackName) {

    /** @throws io.powernode.devops.kernel.common.DomainError when the id is not the one cluster and name give */
    static StackAddress addressedBy(String stackId, String accountId, String clusterId, String stackName) {
        if (!StackIds.of(clusterId, stackName).equals(stackId)) {
            throw StackErrors.stackIdMismatch(stackId, clusterId, stackName);
        }
        return new StackAddress(stackId, accountId, clusterId, stackName);
    }
}
