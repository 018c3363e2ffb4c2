package io.powernode.devops.command.swarm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingOperationsTest {

    @Test
    void only_the_most_recently_finished_operations_are_remembered() {
        PendingOperations operations = new PendingOperations();
        for (int n = 0; n <= PendingOperations.REMEMBERED_FINISHED; n++) {
            operations.requested("op-" + n, "scale_service");
            operations.finished("op-" + n);
        }

        assertThat(operations.isKnown("op-0")).isFalse();
        assertThat(operations.isKnown("op-1")).isTrue();
        assertThat(operations.isKnown("op-" + PendingOperations.REMEMBERED_FINISHED)).isTrue();
        assertThat(operations.isPending("op-1")).isFalse();
    }
}
