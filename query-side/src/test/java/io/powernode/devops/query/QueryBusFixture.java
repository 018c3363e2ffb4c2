package io.powernode.devops.query;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;

/** A real in-process query bus and update emitter, so queries travel the way the application sends them. */
public final class QueryBusFixture {
    public final SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    private final SimpleQueryBus bus = SimpleQueryBus.builder().queryUpdateEmitter(emitter).build();
    public final QueryGateway gateway = DefaultQueryGateway.builder().queryBus(bus).build();

    public QueryBusFixture register(Object queryHandler) {
        new AnnotationQueryHandlerAdapter<>(queryHandler).subscribe(bus);
        return this;
    }

    public <R> R ask(Object query, Class<R> responseType) {
        return gateway.query(query, ResponseTypes.instanceOf(responseType)).join();
    }
}
