package io.powernode.devops.app.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read models' MongoDB: the one at POWERNODE_MONGO_URI when it is set, otherwise an embedded
 * MongoDB-wire server (mongo-java-server) that persists to an H2 file in the data directory and listens
 * on loopback only. The projections use the same driver either way.
 */
@Configuration(proxyBeanMethods = false)
public class MongoStorageConfiguration {

    @Bean(destroyMethod = "close")
    ReadModelStore readModelStore(@Value("${powernode.mongo.uri:}") String uri, DataDirectory dataDirectory) {
        return uri.isBlank() ? ReadModelStore.embedded(dataDirectory.resolve("readmodels")) : ReadModelStore.remote(uri);
    }

    @Bean
    MongoDatabase readModels(ReadModelStore store, @Value("${powernode.mongo.database}") String database) {
        return store.client().getDatabase(database);
    }

    /** The client, and the embedded server behind it when there is one; closed together, client first. */
    public static final class ReadModelStore implements AutoCloseable {
        private static final Logger log = LoggerFactory.getLogger(ReadModelStore.class);

        private final MongoClient client;
        private final MongoServer embeddedServer;

        private ReadModelStore(MongoClient client, MongoServer embeddedServer) {
            this.client = client;
            this.embeddedServer = embeddedServer;
        }

        static ReadModelStore remote(String uri) {
            return new ReadModelStore(MongoClients.create(uri), null);
        }

        static ReadModelStore embedded(Path directory) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + directory, e);
            }
            MongoServer server = new MongoServer(new H2Backend(directory.resolve("readmodels.mv").toString()));
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            log.info("embedded read-model store on {} persisted in {}", address, directory);
            return new ReadModelStore(MongoClients.create("mongodb://127.0.0.1:" + address.getPort()), server);
        }

        MongoClient client() {
            return client;
        }

        @Override
        public void close() {
            client.close();
            if (embeddedServer != null) {
                embeddedServer.shutdown();
            }
        }
    }
}
