package io.powernode.devops.api.stack;

import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.api.stack.StackRequests.StackDeploy;
import io.powernode.devops.compose.ComposeConverter;
import io.powernode.devops.compose.ComposeInvalid;
import io.powernode.devops.compose.ComposeProblem;
import io.powernode.devops.compose.Conversion;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.stack.StackRevision.ComposeSource;
import io.powernode.devops.secrets.CredentialSealer;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a deploy's compose file once, when the request comes in: what is wrong with it is answered at once
 * (400, naming the key, line and column), nothing reaches the cluster, and the plan the stack records is what
 * every later redeploy of the revision applies. Files secrets are read from are sealed in the recorded source.
 */
@Component
class StackConversion {

    private final ComposeConverter converter = new ComposeConverter();
    private final CredentialSealer sealer;

    StackConversion(CredentialSealer sealer) {
        this.sealer = sealer;
    }

    /** The deploy converted, with its source as the revision records it. */
    record Converted(Conversion conversion, ComposeSource source) {
    }

    Converted convert(StackDeploy deploy) {
        Conversion conversion;
        try {
            conversion = converter.convert(deploy.name(), deploy.compose(), deploy.environment(), deploy.files(),
                    sealer::sealValue);
        } catch (ComposeInvalid invalid) {
            throw ApiProblem.invalid(invalid.problems().stream().map(StackConversion::fieldError).toList());
        }
        Map<String, String> files = new LinkedHashMap<>(deploy.files());
        Map<String, SealedValue> sealedFiles = new LinkedHashMap<>();
        for (String path : conversion.secretFiles()) {
            sealedFiles.put(path, sealer.sealValue(files.remove(path).getBytes(StandardCharsets.UTF_8)));
        }
        return new Converted(conversion,
                new ComposeSource(deploy.compose(), deploy.environment(), files, sealedFiles));
    }

    /** {@code stack.compose.services.web.ports[0]}: the key at fault, under the request field holding the file. */
    private static ApiProblem.FieldError fieldError(ComposeProblem problem) {
        String field = StackRequests.STACK + "." + StackRequests.COMPOSE
                + (problem.path() == null || problem.path().isEmpty() ? "" : "." + problem.path());
        String where = problem.line() == null ? ""
                : " (line " + problem.line() + (problem.column() == null ? "" : ", column " + problem.column()) + ")";
        return new ApiProblem.FieldError(field, problem.message() + where);
    }

    static List<String> keys(Map<String, ?> values) {
        return values.keySet().stream().sorted().toList();
    }
}
