package io.powernode.devops.query;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads every document of every collection and fails if a secret appears anywhere in it. */
public final class CredentialLeakCheck {
    private CredentialLeakCheck() {
    }

    public static void assertNowhere(MongoDatabase database, String secret) {
        int documents = 0;
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                assertThat(document.toJson()).as("%s in %s", document.get("_id"), collection).doesNotContain(secret);
                documents++;
            }
        }
        assertThat(documents).as("documents checked").isPositive();
    }
}
