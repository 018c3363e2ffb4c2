package io.powernode.devops.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ReadModelIndexesTest extends EmbeddedMongoTest {

    /**
     * The embedded server accepts every index request but keeps only unique ones (it ignores secondary
     * indexes with a warning), so this checks that start-up succeeds, is repeatable, and creates the collections.
     */
    @Test
    void indexesAreCreatedAndCreatingThemAgainIsHarmless() {
        ReadModelIndexes indexes = new ReadModelIndexes(database);

        indexes.afterSingletonsInstantiated();
        assertThatCode(indexes::afterSingletonsInstantiated).doesNotThrowAnyException();

        assertThat(database.listCollectionNames()).contains(ReadModelCollections.HOSTS, ReadModelCollections.HOST_FEED,
                ReadModelCollections.CONTAINERS, ReadModelCollections.IMAGES, ReadModelCollections.NETWORKS,
                ReadModelCollections.VOLUMES, ReadModelCollections.DOCKER_EVENTS, ReadModelCollections.ACTIVITIES,
                ReadModelCollections.SWARM_EVENTS, ReadModelCollections.SWARM_OPERATIONS,
                ReadModelCollections.CLUSTER_FEED, ReadModelCollections.STACKS, ReadModelCollections.DEPLOYMENTS,
                ReadModelCollections.DEPLOYMENT_FEED);
    }
}
