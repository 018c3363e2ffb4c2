package io.powernode.devops.swarm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Image references as the Docker client writes them into a spec: short, and tagged. */
class ImageReferenceTest {

    @ParameterizedTest
    @CsvSource({
            "nginx, nginx:latest",
            "nginx:1.25, nginx:1.25",
            "library/nginx, nginx:latest",
            "docker.io/library/nginx:1, nginx:1",
            "index.docker.io/library/nginx, nginx:latest",
            "docker.io/powernode/web, powernode/web:latest",
            "docker.io/library/team/web:2, library/team/web:2",
            "powernode-test/web:1, powernode-test/web:1",
            "localhost:5000/web, localhost:5000/web:latest",
            "localhost:5000/web:3, localhost:5000/web:3",
            "registry.example/team/web, registry.example/team/web:latest",
            "localhost/web, localhost/web:latest",
            "web@sha256:0123, web@sha256:0123",
            "web:1@sha256:0123, web:1@sha256:0123",
    })
    void aReferenceIsShortenedAndTaggedLatestWhenItNamesNoTagNorDigest(String given, String sent) {
        assertThat(ImageReference.tagged(given)).isEqualTo(sent);
    }

    @ParameterizedTest
    @CsvSource({
            "web:1, web:1@sha256:abc",
            "web:1@sha256:old, web:1@sha256:old",
    })
    void aDigestPinsATagAndNeverReplacesADigest(String image, String pinned) {
        assertThat(ImageReference.pinned(image, "sha256:abc")).isEqualTo(pinned);
    }
}
