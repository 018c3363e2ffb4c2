package io.powernode.devops.swarm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RotationNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "db_password, db_password.v2",
            "db_password.v2, db_password.v3",
            "db_password.v9, db_password.v10",
            "app.v1.conf, app.v1.conf.v2",
            ".v3, .v3.v2"})
    void theNextVersionBumpsTheNamesOwnSuffix(String name, String next) {
        assertThat(RotationNames.next(name)).isEqualTo(next);
    }
}
