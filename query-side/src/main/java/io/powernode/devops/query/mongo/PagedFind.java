package io.powernode.devops.query.mongo;

import com.mongodb.client.MongoCollection;
import io.powernode.devops.kernel.common.PageInfo;
import io.powernode.devops.kernel.common.PageRequest;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One page of a filtered, sorted collection and the total it was cut from. */
public final class PagedFind {
    private PagedFind() {
    }

    public record Slice<T>(List<T> items, PageInfo page) {
    }

    /** The sort should end with a unique field so that pages never overlap or skip a document. */
    public static <T> Slice<T> find(MongoCollection<Document> collection, Bson filter, Bson sort,
                                    PageRequest request, Function<Document, T> toView) {
        List<T> items = collection.find(filter).sort(sort).skip(request.offset()).limit(request.perPage())
                .map(toView::apply)
                .into(new ArrayList<>());
        return new Slice<>(items, PageInfo.of(request, collection.countDocuments(filter)));
    }
}
