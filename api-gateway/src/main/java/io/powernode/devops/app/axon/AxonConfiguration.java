package io.powernode.devops.app.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    private static final int SNAPSHOT_EVERY = 200;

    /**
     * A host's or cluster's stream grows with every Docker event it observes; a snapshot every 200 events
     * keeps loading it cheap for the next sync.
     */
    @Bean
    SnapshotTriggerDefinition dockerHostSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }

    @Bean
    SnapshotTriggerDefinition swarmClusterSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }

    /** A stack's stream grows with every timeline entry of every rollout it ran. */
    @Bean
    SnapshotTriggerDefinition stackSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }

    /**
     * Every sync and every Docker event is a command on its host or cluster; keeping loaded ones in memory
     * spares re-reading their stream each time. Axon routes one aggregate's commands to one node, so each
     * instance's cache stays right.
     */
    @Bean
    Cache dockerHostCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Cache swarmClusterCache() {
        return new WeakReferenceCache();
    }

    /** A rollout reports to its stack every few seconds while it runs. */
    @Bean
    Cache stackCache() {
        return new WeakReferenceCache();
    }

    /**
     * Read models and the sync targets take events in batches: one token update (one SQL commit) per batch
     * instead of per event lets them keep up with a fleet's inventory changes.
     */
    @Bean
    ConfigurerModule batchedEventProcessing() {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(100));
    }

    @Bean
    CorrelationDataProvider causationChain() {
        return new CausationChainProvider();
    }

    /**
     * Axon's default logs a failing event handler and moves on, which would silently lose a read-model
     * update. Propagating makes the processor retry the event (with back-off) until it succeeds.
     */
    @Bean
    ConfigurerModule retryFailedEventHandling() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    @Bean
    ConfigurerModule domainErrorsAcrossBuses() {
        return configurer -> configurer.onInitialize(c -> c.onStart(
                () -> c.commandBus().registerHandlerInterceptor(new DomainErrorDetailsInterceptor())));
    }
}
