package io.powernode.devops.secrets;

import io.powernode.devops.kernel.host.SealedCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmCredentialSealerTest {

    private static final TlsMaterial MATERIAL = new TlsMaterial("-----BEGIN CERTIFICATE-----\nca\n", "cert-pem", "key-pem-secret");

    @TempDir
    Path dir;

    @Test
    void sealedCredentialsOpenToWhatWasSealedAndHideTheKey() {
        AesGcmCredentialSealer sealer = new AesGcmCredentialSealer(MasterKey.loadOrCreate(dir.resolve("master.key")));

        SealedCredentials sealed = sealer.seal(MATERIAL);

        assertThat(sealed.ciphertext()).doesNotContain("key-pem-secret");
        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()))).doesNotContain("key-pem-secret");
        assertThat(sealer.open(sealed)).isEqualTo(MATERIAL);
        assertThat(sealed.toString()).doesNotContain(sealed.ciphertext());
    }

    @Test
    void aKeyFileSurvivesARestartAndIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("master.key");
        SealedCredentials sealed = new AesGcmCredentialSealer(MasterKey.loadOrCreate(file)).seal(MATERIAL);

        assertThat(new AesGcmCredentialSealer(MasterKey.loadOrCreate(file)).open(sealed)).isEqualTo(MATERIAL);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void alteredCiphertextIsRefused() {
        AesGcmCredentialSealer sealer = new AesGcmCredentialSealer(MasterKey.loadOrCreate(dir.resolve("master.key")));
        SealedCredentials sealed = sealer.seal(MATERIAL);
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> sealer.open(new SealedCredentials(sealed.keyId(), Base64.getEncoder().encodeToString(bytes))))
                .isInstanceOf(CredentialSealer.CredentialsUnreadable.class);
    }

    @Test
    void anotherMasterKeyCannotOpenThem() {
        SealedCredentials sealed = new AesGcmCredentialSealer(MasterKey.loadOrCreate(dir.resolve("one.key"))).seal(MATERIAL);
        AesGcmCredentialSealer other = new AesGcmCredentialSealer(MasterKey.loadOrCreate(dir.resolve("two.key")));

        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(CredentialSealer.CredentialsUnreadable.class)
                .hasMessageNotContaining("key-pem-secret");
    }
}
