package io.powernode.devops.command.endpoint;

import io.powernode.devops.kernel.common.DomainError;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Fixtures expect refusals by their kind and stable code, never by message. */
public final class DomainErrorMatcher {

    private DomainErrorMatcher() {
    }

    public static Matcher<DomainError> domainError(DomainError.Kind kind, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainError error) {
                return error.kind() == kind && error.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainError " + kind + " with code " + code);
            }
        };
    }
}
