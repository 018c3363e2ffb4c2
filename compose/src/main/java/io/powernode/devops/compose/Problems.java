package io.powernode.devops.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems found in one compose file, each placed by its path. Checks go on after a problem so that one
 * answer names as many as possible; {@link #throwIfAny()} ends a step whose successors need a sound input.
 */
final class Problems {

    private final Locations locations;
    private final List<ComposeProblem> found = new ArrayList<>();

    Problems(Locations locations) {
        this.locations = locations;
    }

    /** A problem with the value at {@code path}. */
    void at(String path, String message) {
        add(path, locations.ofValue(path), message);
    }

    /** A problem with the key that names {@code path} itself, e.g. one that is not allowed there. */
    void atKey(String path, String message) {
        add(path, locations.ofKey(path), message);
    }

    void atPosition(String path, SourcePosition position, String message) {
        add(path, position, message);
    }

    private void add(String path, SourcePosition position, String message) {
        found.add(new ComposeProblem(path, position == null ? null : position.line(),
                position == null ? null : position.column(), message));
    }

    boolean any() {
        return !found.isEmpty();
    }

    void throwIfAny() {
        if (any()) {
            throw invalid();
        }
    }

    /** The problems so far, in the file's order, as the exception that ends the conversion. */
    ComposeInvalid invalid() {
        List<ComposeProblem> ordered = new ArrayList<>(found);
        ordered.sort(Comparator.comparing(ComposeProblem::line, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ComposeProblem::column, Comparator.nullsLast(Comparator.naturalOrder())));
        return new ComposeInvalid(ordered);
    }
}
