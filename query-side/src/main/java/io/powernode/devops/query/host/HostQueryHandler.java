package io.powernode.devops.query.host;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.powernode.devops.kernel.host.HostQueries.FindHost;
import io.powernode.devops.kernel.host.HostQueries.ListHosts;
import io.powernode.devops.kernel.host.HostQueries.StreamHostFeed;
import io.powernode.devops.kernel.host.HostViews.HostFeedEntry;
import io.powernode.devops.kernel.host.HostViews.HostPage;
import io.powernode.devops.kernel.host.HostViews.HostView;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.mongo.AccountScope;
import io.powernode.devops.query.mongo.ConnectionDocument;
import io.powernode.devops.query.mongo.PagedFind;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.List;

import static io.powernode.devops.query.mongo.CommonFields.ID;

/** Answers host queries from the {@code hosts} and {@code host_feed} read models, always within one account. */
@Component
public class HostQueryHandler {
    private final MongoDatabase database;
    private final MongoCollection<Document> hosts;

    public HostQueryHandler(MongoDatabase database) {
        this.database = database;
        this.hosts = database.getCollection(ReadModelCollections.HOSTS);
    }

    /** Another account's host is answered exactly like a missing one, so ids leak nothing across accounts. */
    @QueryHandler
    public HostView handle(FindHost query) {
        Document host = hosts.find(AccountScope.of(query.accountId()).where(Filters.eq(ID, query.hostId())).toFilter())
                .first();
        return host == null ? null : HostDocuments.toView(host);
    }

    @QueryHandler
    public HostPage handle(ListHosts query) {
        PagedFind.Slice<HostView> slice = PagedFind.find(hosts,
                AccountScope.of(query.accountId())
                        .whereEquals(ConnectionDocument.STATUS, query.status())
                        .whereEquals(ConnectionDocument.ENVIRONMENT, query.environment())
                        .toFilter(),
                Sorts.ascending(ConnectionDocument.NAME, ID), query.page(), HostDocuments::toView);
        return new HostPage(slice.items(), slice.page());
    }

    /** The initial result of the feed subscription, as {@link io.powernode.devops.query.feed.FeedDefinition#backlog}. */
    @QueryHandler
    public List<HostFeedEntry> handle(StreamHostFeed query) {
        return HostFeed.DEFINITION.backlog(database, query.accountId(), query.afterPosition());
    }
}
