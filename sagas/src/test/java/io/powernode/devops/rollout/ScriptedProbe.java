package io.powernode.devops.rollout;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The swarm as a test scripts it: services answer as last served, missing ones as missing, HTTP targets with the
 * share of successes set; or the manager cannot be asked at all. It fails any test that reads it while an event is
 * handled: a rollout reads Docker only in its deadlines, off the event processor.
 */
final class ScriptedProbe implements RolloutProbe {

    private final Map<String, ServiceObservation> services = new ConcurrentHashMap<>();
    private final List<URI> probed = new CopyOnWriteArrayList<>();
    private volatile boolean unreachable;
    private volatile double httpSuccess = 1.0;

    ScriptedProbe serve(ServiceObservation... observations) {
        for (ServiceObservation observation : observations) {
            services.put(observation.name(), observation);
        }
        return this;
    }

    ScriptedProbe unreachable(boolean unreachable) {
        this.unreachable = unreachable;
        return this;
    }

    /** @param share of the requests to each target that answer in time with a 2xx */
    ScriptedProbe answerHttp(double share) {
        this.httpSuccess = share;
        return this;
    }

    /** Every target an HTTP probe reached, in order. */
    List<URI> probed() {
        return List.copyOf(probed);
    }

    @Override
    public ServiceObservation observe(String clusterId, String accountId, String serviceName) {
        requireDeadline();
        if (unreachable) {
            throw new ProbeFailed("the manager did not answer", null);
        }
        return services.getOrDefault(serviceName, ServiceObservation.missing(serviceName));
    }

    @Override
    public List<HttpResult> http(List<URI> targets, int requests, Duration timeout) {
        requireDeadline();
        probed.addAll(targets);
        return targets.stream()
                .map(target -> new HttpResult(target, requests, (int) Math.round(requests * httpSuccess)))
                .toList();
    }

    private static void requireDeadline() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().getMessage() instanceof DeadlineMessage)) {
            throw new AssertionError("the rollout read Docker outside of a deadline");
        }
    }
}
