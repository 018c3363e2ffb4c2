package io.powernode.devops.command.host;

import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.host.HostCommands.RemoveHost;
import io.powernode.devops.kernel.host.HostCommands.UpdateHost;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.HostEvents.HostCredentialsReplaced;
import io.powernode.devops.kernel.host.HostEvents.HostDetailsChanged;
import io.powernode.devops.kernel.host.HostEvents.HostRemoved;
import io.powernode.devops.kernel.host.SealedCredentials;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.host.HostTestData.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DockerHostUpdateTest {

    private static final SealedCredentials NEW_CREDENTIALS = new SealedCredentials("master-2", "bmV3LXNlYWxlZA==");

    private final InMemoryHostNameRegistry names = new InMemoryHostNameRegistry();
    private FixtureConfiguration<DockerHost> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(names);
        names.claim(ACCOUNT, NAME, HOST_ID);
    }

    /** An update that leaves every field as it is unless the test sets it. */
    private static UpdateHost update(String name, String apiEndpoint, DeploymentEnvironment environment, Boolean tlsVerify,
                                     Integer syncIntervalSeconds) {
        return new UpdateHost(HOST_ID, ACCOUNT, name, apiEndpoint, environment, tlsVerify, null, false,
                syncIntervalSeconds, null);
    }

    private static UpdateHost credentialsUpdate(SealedCredentials newCredentials, boolean removeCredentials) {
        return new UpdateHost(HOST_ID, ACCOUNT, null, null, null, null, newCredentials, removeCredentials, null,
                null);
    }

    @Test
    void changed_fields_are_recorded_with_the_full_new_details() {
        fixture.given(hostRegistered())
                .andGivenCurrentTime(NOW)
                .when(update(null, "https://docker2.example.com:2376", DeploymentEnvironment.staging, false, 300))
                .expectEvents(new HostDetailsChanged(HOST_ID, ACCOUNT, NAME, "https://docker2.example.com:2376",
                        DeploymentEnvironment.staging, false, 300,
                        List.of("api_endpoint", "environment", "tls_verify", "sync_interval_seconds"), NOW));
    }

    @Test
    void an_update_that_repeats_the_current_values_records_nothing() {
        fixture.given(hostRegistered())
                .when(update(NAME, ENDPOINT, DeploymentEnvironment.production, true, INTERVAL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void renaming_claims_the_new_name_and_releases_the_old_one() {
        fixture.given(hostRegistered())
                .andGivenCurrentTime(NOW)
                .when(update("web-2", null, null, null, null))
                .expectEvents(new HostDetailsChanged(HOST_ID, ACCOUNT, "web-2", ENDPOINT, DeploymentEnvironment.production,
                        true, INTERVAL, List.of("name"), NOW));
        assertTrue(names.isHeldBy(ACCOUNT, "web-2", HOST_ID));
        assertFalse(names.isHeldBy(ACCOUNT, NAME, HOST_ID));
    }

    @Test
    void changing_only_the_case_of_the_name_keeps_the_claim() {
        fixture.given(hostRegistered())
                .andGivenCurrentTime(NOW)
                .when(update("Web-1", null, null, null, null))
                .expectEvents(new HostDetailsChanged(HOST_ID, ACCOUNT, "Web-1", ENDPOINT, DeploymentEnvironment.production,
                        true, INTERVAL, List.of("name"), NOW));
        assertTrue(names.isHeldBy(ACCOUNT, NAME, HOST_ID));
    }

    @Test
    void renaming_to_a_name_another_host_of_the_account_holds_is_refused() {
        names.claim(ACCOUNT, "web-2", OTHER_HOST_ID);

        fixture.given(hostRegistered())
                .when(update("web-2", null, null, null, null))
                .expectException(domainError(Kind.CONFLICT, "host_name_taken"))
                .expectNoEvents();
        assertTrue(names.isHeldBy(ACCOUNT, NAME, HOST_ID));
    }

    @Test
    void an_update_to_a_blank_name_is_refused() {
        fixture.given(hostRegistered())
                .when(update(" ", null, null, null, null))
                .expectException(domainError(Kind.RULE_VIOLATION, "host_name_blank"));
    }

    @Test
    void an_update_to_a_sync_interval_out_of_bounds_is_refused() {
        fixture.given(hostRegistered())
                .when(update(null, null, null, null, 3601))
                .expectException(domainError(Kind.RULE_VIOLATION, "sync_interval_out_of_range"));
    }

    @Test
    void new_credentials_replace_the_old_ones() {
        fixture.given(hostRegistered())
                .andGivenCurrentTime(NOW)
                .when(credentialsUpdate(NEW_CREDENTIALS, false))
                .expectEvents(new HostCredentialsReplaced(HOST_ID, ACCOUNT, NEW_CREDENTIALS, NOW));
    }

    @Test
    void removing_credentials_replaces_them_with_none() {
        fixture.given(hostRegistered())
                .andGivenCurrentTime(NOW)
                .when(credentialsUpdate(null, true))
                .expectEvents(new HostCredentialsReplaced(HOST_ID, ACCOUNT, null, NOW));
    }

    @Test
    void removing_credentials_from_a_host_without_any_records_nothing() {
        fixture.given(hostRegisteredWithoutCredentials())
                .when(credentialsUpdate(null, true))
                .expectNoEvents();
    }

    @Test
    void details_and_credentials_changed_together_are_both_recorded() {
        fixture.given(hostRegistered())
                .andGivenCurrentTime(NOW)
                .when(new UpdateHost(HOST_ID, ACCOUNT, null, null, null, false, NEW_CREDENTIALS, false, null, null))
                .expectEvents(
                        new HostDetailsChanged(HOST_ID, ACCOUNT, NAME, ENDPOINT, DeploymentEnvironment.production, false,
                                INTERVAL, List.of("tls_verify"), NOW),
                        new HostCredentialsReplaced(HOST_ID, ACCOUNT, NEW_CREDENTIALS, NOW));
    }

    @Test
    void removing_a_host_releases_its_name_and_deletes_it() {
        fixture.given(hostRegistered())
                .andGivenCurrentTime(NOW)
                .when(new RemoveHost(HOST_ID, ACCOUNT))
                .expectEvents(new HostRemoved(HOST_ID, ACCOUNT, NAME, NOW))
                .expectMarkedDeleted();
        assertFalse(names.isHeldBy(ACCOUNT, NAME, HOST_ID));
    }
}
