package io.powernode.devops.swarm;

import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.secrets.CredentialSealer.CredentialsUnreadable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.ConnectException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Docker's answers, as the daemons of the test swarm gave them, and what the API is told. */
class OperationFailuresTest {

    static Stream<Arguments> answers() {
        return Stream.of(
                answer(new BadRequestException("rpc error: code = InvalidArgument desc = invalid name, "
                        + "only 64 [a-zA-Z0-9-_.] characters allowed"), Kind.invalid,
                        "the daemon answered HTTP 400: invalid name, only 64 [a-zA-Z0-9-_.] characters allowed"),
                answer(new NotFoundException("node nope not found"), Kind.not_found,
                        "the daemon answered HTTP 404: node nope not found"),
                answer(new ConflictException("rpc error: code = AlreadyExists desc = secret s1 already exists"),
                        Kind.conflict, "the daemon answered HTTP 409: secret s1 already exists"),
                answer(new BadRequestException("rpc error: code = InvalidArgument desc = secret 's1' is in "
                        + "use by the following service: p1"), Kind.conflict,
                        "the daemon answered HTTP 400: secret 's1' is in use by the following service: p1"),
                answer(new InternalServerErrorException("rpc error: code = Unknown desc = update out of sequence"),
                        Kind.conflict, "the daemon answered HTTP 500: update out of sequence"),
                answer(new BadRequestException("rpc error: code = FailedPrecondition desc = attempting to "
                        + "demote the last manager of the swarm"), Kind.refused,
                        "the daemon answered HTTP 400: attempting to demote the last manager of the swarm"),
                answer(new DockerException("You are attempting to leave the swarm on a node that is "
                        + "participating as a manager. Use `--force` to ignore this message.", 503), Kind.refused, null),
                answer(new DockerException("This node is already part of a swarm. Use \"docker swarm leave\" "
                        + "to leave this swarm and join another one.", 503), Kind.conflict, null),
                answer(new DockerException("rpc error: code = Unknown desc = The swarm does not have a leader. "
                        + "It's possible that too few managers are online.", 503), Kind.unavailable, null),
                answer(new DockerException("This node is not a swarm manager.", 503), Kind.unavailable, null),
                answer(new InternalServerErrorException("something broke"), Kind.failed,
                        "the daemon answered HTTP 500: something broke"),
                answer(new RuntimeException(new ConnectException("Connection refused")), Kind.unavailable,
                        "connection refused (is the daemon running and listening there?)"),
                answer(new CredentialsUnreadable("stored TLS credentials cannot be read", null), Kind.failed,
                        "stored TLS credentials cannot be read"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("answers")
    void classifiesDockersAnswer(Throwable answer, Kind kind, String message) {
        OperationFailure failure = OperationFailures.classify(answer);

        assertThat(failure.kind()).isEqualTo(kind);
        if (message != null) {
            assertThat(failure.message()).isEqualTo(message);
        }
    }

    @Test
    void aFailureTheGatewayClassifiedItselfKeepsItsKindAndWords() {
        OperationFailure failure = OperationFailures.classify(new OperationFailed(Kind.refused, "autolock is off"));

        assertThat(failure).isEqualTo(new OperationFailure(Kind.refused, "autolock is off"));
    }

    private static Arguments answer(Throwable answer, Kind kind, String message) {
        return Arguments.of(answer, kind, message);
    }
}
