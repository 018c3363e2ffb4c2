package io.powernode.devops.query.dockerevent;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.powernode.devops.kernel.host.HostEvents.DockerEventObserved;
import io.powernode.devops.query.ReadModelCollections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static io.powernode.devops.query.mongo.CommonFields.HOST_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;

/**
 * The Docker event log of every host. Keyed by the Axon message id, so a re-delivered event overwrites itself.
 * The log outlives its host: it is part of the audit trail, so a removed host's events stay.
 */
@Component
@ProcessingGroup("docker-event-projection")
public class DockerEventProjection {
    private final MongoCollection<Document> events;

    public DockerEventProjection(MongoDatabase database) {
        this.events = database.getCollection(ReadModelCollections.DOCKER_EVENTS);
    }

    @EventHandler
    void on(DockerEventObserved event, @MessageIdentifier String messageId) {
        events.replaceOne(Filters.eq(ID, messageId),
                DockerEventDocuments.toDocument(messageId, HOST_ID, event.hostId(), event.accountId(),
                        event.event()),
                new ReplaceOptions().upsert(true));
    }
}
