package io.powernode.devops.app.secrets;

import io.powernode.devops.app.storage.DataDirectory;
import io.powernode.devops.secrets.AesGcmCredentialSealer;
import io.powernode.devops.secrets.CredentialSealer;
import io.powernode.devops.secrets.MasterKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The master key that seals TLS credentials: POWERNODE_MASTER_KEY, or a key file in the data directory. */
@Configuration(proxyBeanMethods = false)
public class SecretsConfiguration {

    @Bean
    CredentialSealer credentialSealer(@Value("${powernode.master-key.value:}") String configuredKey,
                                      DataDirectory dataDirectory) {
        MasterKey key = configuredKey.isBlank()
                ? MasterKey.loadOrCreate(dataDirectory.resolve("master.key"))
                : MasterKey.fromBase64(configuredKey);
        return new AesGcmCredentialSealer(key);
    }
}
