package io.powernode.devops.swarm;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An operation that fails half-way says what it did, in the kind of Docker's answer. */
class StepLogTest {

    @Test
    void theFailureListsTheStepsDoneTheStepThatFailedAndWhatIsLeft() {
        StepLog steps = new StepLog();
        steps.done("created secret db.v2 (id2)");
        steps.done("repointed service api");

        OperationFailure failure = steps.failed("could not repoint service web",
                new InternalServerErrorException("rpc error: code = Unknown desc = update out of sequence"),
                "the old secret db was kept").failure();

        assertThat(failure).isEqualTo(new OperationFailure(Kind.conflict, "created secret db.v2 (id2); repointed "
                + "service api; but could not repoint service web: the daemon answered HTTP 500: update out of "
                + "sequence; the old secret db was kept"));
    }

    @Test
    void aFirstStepThatFailsIsTheWholeMessageAndAClassifiedCauseKeepsItsKind() {
        OperationFailure failure = new StepLog().failed("could not update secret shop_db",
                new OperationFailed(Kind.invalid, "its content changed")).failure();

        assertThat(failure).isEqualTo(new OperationFailure(Kind.invalid, "could not update secret shop_db: its content changed"));
    }
}
