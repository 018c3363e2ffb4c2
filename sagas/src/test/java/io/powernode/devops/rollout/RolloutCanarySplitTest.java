package io.powernode.devops.rollout;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutCanarySplitTest {

    @ParameterizedTest(name = "{0} replicas at {1}% → {2} canary, {3} stable, effectively {4}%")
    @CsvSource({
            "10, 10, 1, 9, 10",
            "10, 25, 3, 7, 30",
            "10, 50, 5, 5, 50",
            "4, 10, 1, 3, 25",   // a canary has at least one task, whatever its weight
            "4, 50, 2, 2, 50",
            "4, 90, 4, 1, 80",   // the stable version keeps one task until the weight is 100
            "1, 50, 1, 1, 50",
            "3, 100, 3, 0, 100", // at 100 every replica runs the new version
            "5, 25, 1, 4, 20"
    })
    void aWeightBecomesWholeReplicas(int replicas, int weight, int canary, int stable, int effective) {
        CanarySplit split = CanarySplit.of(replicas, weight);

        assertThat(split).isEqualTo(new CanarySplit(canary, stable));
        assertThat(split.effectiveWeight()).isEqualTo(effective);
    }
}
