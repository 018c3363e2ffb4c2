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

import java.util.ArrayList;
import java.util.List;

import static io.powernode.devops.query.mongo.CommonFields.ID;

/** Answers host queries from the {@code hosts} and {@code host_feed} read models, always within one account. */
@Component
public class HostQueryHandler {
    /** The most entries a resuming feed client is sent, as {@link StreamHostFeed} documents. */
    static final int MAX_BACKLOG = 1000;

    private final MongoCollection<Document> hosts;
    private final MongoCollection<Document> feed;

    public HostQueryHandler(MongoDatabase database) {
        this.hosts = database.getCollection(ReadModelCollections.HOSTS);
        this.feed = database.getCollection(ReadModelCollections.HOST_FEED);
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

    /**
     * The initial result of the feed subscription. A client without a resume position starts from now (it reads
     * the current hosts from the host list), so it gets nothing; a resuming one gets what it missed, oldest
     * first and capped so that a long-gone client cannot make the query load the whole history.
     */
    @QueryHandler
    public List<HostFeedEntry> handle(StreamHostFeed query) {
        if (query.afterPosition() < 0) {
            return List.of();
        }
        return feed.find(AccountScope.of(query.accountId())
                        .where(Filters.gt(HostFeed.SEQUENCE, query.afterPosition())).toFilter())
                .sort(Sorts.ascending(HostFeed.SEQUENCE))
                .limit(MAX_BACKLOG)
                .map(HostFeed::toEntry)
                .into(new ArrayList<>());
    }
}
