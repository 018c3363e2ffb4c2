package io.powernode.devops.query.stack;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.powernode.devops.kernel.stack.StackQueries.FindDeployment;
import io.powernode.devops.kernel.stack.StackQueries.ListDeployments;
import io.powernode.devops.kernel.stack.StackQueries.StreamDeploymentFeed;
import io.powernode.devops.kernel.stack.StackViews.DeploymentFeedEntry;
import io.powernode.devops.kernel.stack.StackViews.DeploymentPage;
import io.powernode.devops.kernel.stack.StackViews.DeploymentView;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.feed.FeedDefinition;
import io.powernode.devops.query.mongo.AccountScope;
import io.powernode.devops.query.mongo.PagedFind;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.List;

import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.stack.DeploymentDocuments.CHANGED_SERVICES;
import static io.powernode.devops.query.stack.DeploymentDocuments.PHASE;
import static io.powernode.devops.query.stack.DeploymentDocuments.REQUESTED_AT;
import static io.powernode.devops.query.stack.DeploymentDocuments.STACK_ID;

/** Answers deployment queries from {@code deployments} and the deployment feed, always within one account. */
@Component
public class DeploymentQueryHandler {
    private final MongoDatabase database;
    private final MongoCollection<Document> deployments;

    public DeploymentQueryHandler(MongoDatabase database) {
        this.database = database;
        this.deployments = database.getCollection(ReadModelCollections.DEPLOYMENTS);
    }

    /** Another account's deployment is answered exactly like a missing one. */
    @QueryHandler
    public DeploymentView handle(FindDeployment query) {
        Document deployment = deployments.find(AccountScope.of(query.accountId())
                .where(Filters.eq(ID, query.deploymentId())).toFilter()).first();
        return deployment == null ? null : DeploymentDocuments.toView(deployment, true);
    }

    /** Newest first, by when they were asked for. */
    @QueryHandler
    public DeploymentPage handle(ListDeployments query) {
        var slice = PagedFind.find(deployments,
                AccountScope.of(query.accountId())
                        .whereEquals(CLUSTER_ID, query.clusterId())
                        .whereEquals(STACK_ID, query.stackId())
                        .whereEquals(CHANGED_SERVICES, query.service())
                        .whereEquals(PHASE, query.phase())
                        .toFilter(),
                Sorts.descending(REQUESTED_AT, ID), query.page(),
                deployment -> DeploymentDocuments.toView(deployment, false));
        return new DeploymentPage(slice.items(), slice.page());
    }

    /** The initial result of the feed subscription, as {@link FeedDefinition#backlog} answers it. */
    @QueryHandler
    public List<DeploymentFeedEntry> handle(StreamDeploymentFeed query) {
        return DeploymentFeed.DEFINITION.backlog(database, query.accountId(), query.afterPosition());
    }
}
