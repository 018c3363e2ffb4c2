package io.powernode.devops.api;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;

/** CPU work such as parsing PEM, checking a key against its certificate or sealing, which Netty's event loop must not do. */
public final class OffEventLoop {

    private OffEventLoop() {
    }

    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
