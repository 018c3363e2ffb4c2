package io.powernode.devops.api.swarm;

import io.powernode.devops.kernel.swarm.OperationSummary;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.api.JsonBody;
import io.powernode.devops.secrets.AesGcmCredentialSealer;
import io.powernode.devops.secrets.CredentialSealer;
import io.powernode.devops.secrets.MasterKey;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** SwarmRequests as the application builds it, over a real sealer with a freshly generated master key. */
final class SwarmRequestsFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    final CredentialSealer sealer = new AesGcmCredentialSealer(MasterKey.fromBase64(randomKey()));
    final SwarmRequests requests = new SwarmRequests(new JsonBody(JSON), sealer);

    /** The refusal a request gets, asserting it names exactly {@code fields}. */
    static ApiProblem refused(ThrowingCallable request, String... fields) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, request);
        assertThat(problem).as("the request is refused").isNotNull();
        assertThat(problem.errors()).extracting(ApiProblem.FieldError::field).containsExactlyInAnyOrder(fields);
        return problem;
    }

    /** Everything a refusal tells its caller, to check that no secret is in it. */
    static String told(ApiProblem problem) {
        List<String> parts = problem.errors().stream().map(e -> e.field() + " " + e.message()).toList();
        return problem.getMessage() + " " + String.join(" ", parts);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** What the audit trail and the operations read model show of a request. */
    static Map<String, Object> audit(OperationRequest request) {
        return OperationSummary.of(request.operation(), "c1").parameters();
    }
}
