package io.powernode.devops.api.endpoint;

import io.powernode.devops.api.ApiProblem;

/** Why an operator takes a host or cluster offline ({@code ?reason=}), as its maintenance records it. */
public final class MaintenanceReason {

    private static final int MAX_LENGTH = 500;

    private MaintenanceReason() {
    }

    public static String of(String given) {
        String why = given == null || given.isBlank() ? "taken offline by an operator" : given.trim();
        if (why.length() > MAX_LENGTH) {
            throw ApiProblem.invalid("reason", "must be at most " + MAX_LENGTH + " characters");
        }
        return why;
    }
}
