package io.powernode.devops.api.stack;

import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.api.stack.StackRequests.StackDeploy;
import io.powernode.devops.compose.ComposeConverter;
import io.powernode.devops.compose.ComposeInvalid;
import io.powernode.devops.compose.ComposeProblem;
import io.powernode.devops.compose.Conversion;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;
import io.powernode.devops.kernel.stack.StackRevision.ComposeSource;
import io.powernode.devops.kernel.stack.Strategy;
import io.powernode.devops.secrets.CredentialSealer;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Converts a deploy's compose file once, when the request comes in: what is wrong with it — or with a strategy
 * naming services it lacks — is answered at once (400, naming the key, line and column), nothing reaches the
 * cluster, and the plan the stack records is what every later redeploy of the revision applies. Files secrets are
 * read from are sealed in the recorded source.
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
        requireStrategyServicesIn(conversion.plan(), deploy.strategy());
        Map<String, String> files = new LinkedHashMap<>(deploy.files());
        Map<String, SealedValue> sealedFiles = new LinkedHashMap<>();
        for (String path : conversion.secretFiles()) {
            sealedFiles.put(path, sealer.sealValue(files.remove(path).getBytes(StandardCharsets.UTF_8)));
        }
        return new Converted(conversion,
                new ComposeSource(deploy.compose(), deploy.environment(), files, sealedFiles));
    }

    /**
     * A strategy narrowed to a service the file does not declare would roll out nothing of it, and the deploy would
     * apply every change at once: the opposite of what a blue-green or canary deploy is asked for.
     */
    private static void requireStrategyServicesIn(StackPlan plan, Strategy strategy) {
        Set<String> declared = plan.services().stream().map(ServicePlan::service).collect(Collectors.toSet());
        List<ApiProblem.FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < strategy.services().size(); i++) {
            if (!declared.contains(strategy.services().get(i))) {
                unknown.add(new ApiProblem.FieldError(StackRequests.STACK + "." + StackRequests.STRATEGY + ".services["
                        + i + "]", "names no service of the compose file, which has " + new TreeSet<>(declared)));
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiProblem.invalid(unknown);
        }
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
