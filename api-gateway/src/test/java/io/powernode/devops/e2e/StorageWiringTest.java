package io.powernode.devops.e2e;

import org.axonframework.config.Configuration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded defaults are the persistent ones: events, tokens and sagas in the SQL store, deadlines in
 * db-scheduler's table, Jackson (never XStream) for every message, secrets in 0600 files.
 */
class StorageWiringTest {

    private final Platform platform = SharedPlatform.get();

    @Test
    void eventsTokensSagasAndDeadlinesAreKeptInTheSqlStore() {
        assertThat(platform.bean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(platform.bean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        assertThat(platform.bean(SagaStore.class)).isInstanceOf(JdbcSagaStore.class);
        assertThat(platform.bean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
    }

    @Test
    void everyMessageIsSerializedWithJackson() {
        Configuration axon = platform.bean(Configuration.class);
        assertThat(axon.serializer()).isInstanceOf(JacksonSerializer.class);
        assertThat(axon.eventSerializer()).isInstanceOf(JacksonSerializer.class);
        assertThat(axon.messageSerializer()).isInstanceOf(JacksonSerializer.class);
    }

    @Test
    void generatedSecretsAreReadableByTheirOwnerOnly() throws Exception {
        assertThat(Files.getPosixFilePermissions(platform.dataDir().resolve("master.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
