package io.powernode.devops.e2e;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Everything a platform stored, as text, for tests that check a secret is found nowhere. */
final class StoredText {

    private StoredText() {
    }

    /** Every event's and snapshot's payload and metadata in the event store. */
    static String eventStore(Platform platform) {
        JdbcTemplate jdbc = platform.bean(JdbcTemplate.class);
        List<String> rows = jdbc.query("SELECT payload, metaData FROM DomainEventEntry", (rs, n) ->
                new String(rs.getBytes(1), StandardCharsets.UTF_8) + new String(rs.getBytes(2), StandardCharsets.UTF_8));
        rows.addAll(jdbc.query("SELECT payload FROM SnapshotEventEntry",
                (rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)));
        return String.join("\n", rows);
    }

    /** Every document of every read-model collection. */
    static String readModels(Platform platform) {
        MongoDatabase database = platform.bean(MongoDatabase.class);
        List<String> documents = new ArrayList<>();
        for (String collection : database.listCollectionNames()) {
            database.getCollection(collection).find().map(Document::toJson).forEach(documents::add);
        }
        return String.join("\n", documents);
    }
}
