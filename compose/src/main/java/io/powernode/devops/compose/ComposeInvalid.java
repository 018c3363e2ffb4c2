package io.powernode.devops.compose;

import java.util.List;
import java.util.stream.Collectors;

/** A compose file that cannot be deployed, with every problem found before converting it stopped. */
public class ComposeInvalid extends RuntimeException {

    private final transient List<ComposeProblem> problems;

    public ComposeInvalid(List<ComposeProblem> problems) {
        super(problems.stream().map(ComposeProblem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid compose file has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<ComposeProblem> problems() {
        return problems;
    }
}
