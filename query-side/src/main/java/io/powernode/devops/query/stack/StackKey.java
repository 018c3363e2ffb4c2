package io.powernode.devops.query.stack;

import io.powernode.devops.kernel.stack.StackIds;

import java.util.Comparator;

/** A stack as Docker knows it: a name in a cluster, nothing more. */
record StackKey(String clusterId, String name) {
    /** How stacks are listed: by name, and stacks of one name by cluster. */
    static final Comparator<StackKey> BY_NAME = Comparator.comparing(StackKey::name)
            .thenComparing(StackKey::clusterId);

    String id() {
        return StackIds.of(clusterId, name);
    }
}
