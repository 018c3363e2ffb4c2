package io.powernode.devops.command.host;

import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.HostEvents.HostRegistered;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.host.HostTestData.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DockerHostRegistrationTest {

    private final InMemoryHostNameRegistry names = new InMemoryHostNameRegistry();
    private FixtureConfiguration<DockerHost> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(names);
    }

    @Test
    void registering_a_host_records_it_as_of_now_and_claims_its_name() {
        fixture.givenCurrentTime(NOW)
                .when(registerHost(NAME, INTERVAL))
                .expectEvents(new HostRegistered(HOST_ID, ACCOUNT, NAME, ENDPOINT, DeploymentEnvironment.production,
                        true, CREDENTIALS, INTERVAL, NOW));
        assertTrue(names.isHeldBy(ACCOUNT, NAME, HOST_ID));
    }

    @Test
    void the_name_is_recorded_without_surrounding_blanks() {
        fixture.givenCurrentTime(NOW)
                .when(registerHost("  " + NAME + " ", INTERVAL))
                .expectEvents(new HostRegistered(HOST_ID, ACCOUNT, NAME, ENDPOINT, DeploymentEnvironment.production,
                        true, CREDENTIALS, INTERVAL, NOW));
    }

    @Test
    void a_name_another_host_of_the_account_holds_is_refused_whatever_its_case() {
        names.claim(ACCOUNT, NAME, OTHER_HOST_ID);

        fixture.givenNoPriorActivity()
                .when(registerHost("WEB-1", INTERVAL))
                .expectException(domainError(Kind.CONFLICT, "host_name_taken"))
                .expectNoEvents();
    }

    @Test
    void a_name_used_in_another_account_is_allowed() {
        names.claim(OTHER_ACCOUNT, NAME, OTHER_HOST_ID);

        fixture.givenCurrentTime(NOW)
                .when(registerHost(NAME, INTERVAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HostRegistered(HOST_ID, ACCOUNT, NAME, ENDPOINT, DeploymentEnvironment.production,
                        true, CREDENTIALS, INTERVAL, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void a_blank_name_is_refused(String blank) {
        fixture.givenNoPriorActivity()
                .when(registerHost(blank, INTERVAL))
                .expectException(domainError(Kind.RULE_VIOLATION, "host_name_blank"));
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 3600})
    void the_sync_interval_bounds_are_allowed(int seconds) {
        fixture.givenNoPriorActivity()
                .when(registerHost(NAME, seconds))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 29, 3601})
    void a_sync_interval_outside_30_to_3600_seconds_is_refused(int seconds) {
        fixture.givenNoPriorActivity()
                .when(registerHost(NAME, seconds))
                .expectException(domainError(Kind.RULE_VIOLATION, "sync_interval_out_of_range"))
                .expectNoEvents();
    }
}
