package io.powernode.devops.swarm;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A rotation that fails half-way says what it did, in the kind of Docker's answer. */
class RotationFailureTest {

    @Test
    void theFailureListsTheStepsDoneTheStepThatFailedAndWhatIsLeft() {
        OperationFailure failure = FileObjectOperations.stepFailed(
                List.of("created secret db.v2 (id2)", "repointed service api"), "could not repoint service web",
                new InternalServerErrorException("rpc error: code = Unknown desc = update out of sequence"),
                "the old secret db was kept").failure();

        assertThat(failure).isEqualTo(new OperationFailure(Kind.conflict, "created secret db.v2 (id2); repointed "
                + "service api; but could not repoint service web: the daemon answered HTTP 500: update out of "
                + "sequence; the old secret db was kept"));
    }
}
