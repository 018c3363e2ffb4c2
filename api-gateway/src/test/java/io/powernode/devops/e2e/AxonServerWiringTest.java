package io.powernode.devops.e2e;

import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile: Axon Server stores events and routes commands and queries, while tokens and
 * deadlines stay in the SQL store. No Axon Server can run here, so the profile is pointed at a closed
 * loopback port: the application must still start (Axon retries the connection) and be wired for it.
 */
class AxonServerWiringTest {

    @Test
    void theAxonServerProfileRoutesEventsCommandsAndQueriesThroughAxonServer() {
        try (Platform platform = Platform.start(Map.of(
                "spring.profiles.active", "axonserver",
                "axon.axonserver.servers", "127.0.0.1:1"))) {
            assertThat(platform.bean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(platform.bean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(platform.bean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(platform.bean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
            assertThat(platform.bean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
        }
    }
}
