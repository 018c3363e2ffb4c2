package io.powernode.devops.query.host;

import io.powernode.devops.query.EmbeddedMongoTest;
import io.powernode.devops.query.EventDelivery;
import io.powernode.devops.query.QueryBusFixture;
import org.junit.jupiter.api.BeforeEach;

/** The host projection wired to the embedded MongoDB, a real query bus and its update emitter. */
abstract class HostProjectionHarness extends EmbeddedMongoTest {
    protected EventDelivery events;
    protected QueryBusFixture queries;

    @BeforeEach
    void wire() {
        queries = new QueryBusFixture();
        events = new EventDelivery(new HostProjection(database, queries.emitter));
        queries.register(new HostQueryHandler(database));
    }
}
