package io.powernode.devops.query.swarm;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmEventObserved;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.dockerevent.DockerEventDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;

/**
 * The Docker event log of every cluster's manager ({@code swarm_events}), stored and classified exactly as a host's
 * (see {@link DockerEventDocuments}). Keyed by the Axon message id, so a re-delivered event overwrites itself. The
 * log outlives its cluster: it is part of the audit trail.
 */
@Component
@ProcessingGroup("swarm-event-projection")
public class SwarmEventProjection {
    private final MongoCollection<Document> events;

    public SwarmEventProjection(MongoDatabase database) {
        this.events = database.getCollection(ReadModelCollections.SWARM_EVENTS);
    }

    @EventHandler
    void on(SwarmEventObserved event, @MessageIdentifier String messageId) {
        events.replaceOne(Filters.eq(ID, messageId),
                DockerEventDocuments.toDocument(messageId, CLUSTER_ID, event.clusterId(), event.accountId(),
                        event.event()),
                new ReplaceOptions().upsert(true));
    }
}
