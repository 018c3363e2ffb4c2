package io.powernode.devops.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One in-memory MongoDB-wire server per test class, reached through the real driver, and a database of its
 * own for every test so that no test sees another's documents.
 */
public abstract class EmbeddedMongoTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static MongoServer server;
    private static MongoClient client;

    protected MongoDatabase database;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("read_models_" + DATABASES.incrementAndGet());
    }
}
