package io.powernode.devops.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Waits, within a bound, for a read model to show what a command just did. Projections run behind the command
 * bus, so a write that answered at once would show the resource as it was before the write.
 */
@Component
public class ReadModelWait {

    private static final Duration POLL = Duration.ofMillis(40);

    private final Duration readModelWait;

    public ReadModelWait(@Value("${powernode.api.read-model-wait}") Duration readModelWait) {
        this.readModelWait = readModelWait;
    }

    /** What {@code find} shows, and whether it had caught up when the wait ended. */
    public record Fresh<V>(V view, boolean current) {
    }

    /**
     * The view once it reaches {@code version} — or, after the bounded wait, what it shows then (flagged stale so
     * the API answers 202 instead of pretending it is current); empty when it shows nothing even then.
     */
    public <V> Mono<Fresh<V>> awaitVersion(Supplier<Mono<V>> find, ToLongFunction<V> versionOf, long version) {
        return until(find, view -> versionOf.applyAsLong(view) >= version, POLL, readModelWait)
                .map(view -> new Fresh<>(view, true))
                .switchIfEmpty(Mono.defer(find).map(view -> new Fresh<>(view, false)));
    }

    /** True once {@code find} shows nothing any more; false if it still shows something after the bounded wait. */
    public Mono<Boolean> awaitGone(Supplier<Mono<?>> find) {
        Supplier<Mono<Boolean>> gone = () -> Mono.defer(find).map(stillThere -> false).defaultIfEmpty(true);
        return until(gone, Boolean::booleanValue, POLL, readModelWait).defaultIfEmpty(false);
    }

    /** The first answer of {@code find}, asked every {@code poll}, that is {@code done}; empty after {@code within}. */
    public static <V> Mono<V> until(Supplier<Mono<V>> find, Predicate<V> done, Duration poll, Duration within) {
        return Mono.defer(find)
                .filter(done)
                .repeatWhenEmpty(repeats -> repeats.delayElements(poll))
                .timeout(within, Mono.empty());
    }
}
