package io.powernode.devops.command.endpoint;

import io.powernode.devops.command.endpoint.NameRegistry.Kind;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.SealedCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings decisions both kinds share; the aggregates' fixture tests cover the rest. */
class EndpointSettingsTest {

    private static final EndpointSettings SETTINGS = new EndpointSettings("web-1", "https://a:2376",
            DeploymentEnvironment.production, true, true, 60);

    private static SettingsUpdate rename(String name) {
        return new SettingsUpdate(name, null, null, null, null, false, null);
    }

    @Test
    void the_endpoint_field_is_reported_under_the_name_of_its_kind() {
        SettingsUpdate moved = new SettingsUpdate(null, "https://b:2376", null, null, null, false, null);

        assertThat(SETTINGS.change(Kind.docker_host, moved).changedFields()).containsExactly("api_endpoint");
        assertThat(SETTINGS.change(Kind.swarm_cluster, moved).changedFields()).containsExactly("manager_endpoint");
    }

    @Test
    void new_credentials_are_a_replacement_even_when_the_details_stay() {
        SealedCredentials fresh = new SealedCredentials("master-2", "bmV3");
        SettingsChange change = SETTINGS.change(Kind.docker_host,
                new SettingsUpdate(null, null, null, null, fresh, false, null));

        assertThat(change.changesDetails()).isFalse();
        assertThat(change.replacesCredentials()).isTrue();
        assertThat(change.newCredentials()).isEqualTo(fresh);
    }

    @Test
    void a_rename_moves_the_claim_within_the_kind_only() {
        InMemoryNameRegistry names = new InMemoryNameRegistry();
        names.claim(Kind.swarm_cluster, "account-a", "web-1", "cluster-1");
        names.claim(Kind.docker_host, "account-a", "web-1", "host-1");

        SETTINGS.change(Kind.docker_host, rename("web-2")).moveNameClaim(names, "account-a", "host-1");

        assertThat(names.isHeldBy(Kind.docker_host, "account-a", "web-2", "host-1")).isTrue();
        assertThat(names.isHeldBy(Kind.docker_host, "account-a", "web-1", "host-1")).isFalse();
        assertThat(names.isHeldBy(Kind.swarm_cluster, "account-a", "web-1", "cluster-1")).isTrue();
    }
}
