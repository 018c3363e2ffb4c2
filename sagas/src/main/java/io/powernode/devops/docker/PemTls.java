package io.powernode.devops.docker;

import io.powernode.devops.secrets.TlsMaterial;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * TLS for a Docker daemon from PEM text held in memory: parsed here, turned into key and trust stores that
 * live only in this JVM, never written to disk (docker-java's own TLS support reads files from a directory).
 */
public final class PemTls {

    private PemTls() {
    }

    /** PEM text that cannot be used; {@link #field()} is "ca", "cert" or "key". Never carries the PEM itself. */
    public static final class InvalidTlsMaterial extends IllegalArgumentException {
        private final String field;

        InvalidTlsMaterial(String field, String problem) {
            super("TLS " + field + " " + problem);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * Checks every part that is present: certificates must parse, the key must be an unencrypted private
     * key, and a client certificate and its key come together and belong to each other.
     *
     * @throws InvalidTlsMaterial naming the first field at fault
     */
    public static void validate(TlsMaterial tls) {
        if (tls == null) {
            return;
        }
        if (present(tls.ca())) {
            certificates("ca", tls.ca());
        }
        clientIdentity(tls);
    }

    /**
     * An SSLContext presenting the client certificate (when given). With {@code verify} it trusts only the
     * given CA (or the JVM's default CAs when none is given); without, it accepts any server certificate,
     * as {@code docker --tls} without {@code --tlsverify} does.
     */
    public static SSLContext sslContext(TlsMaterial tls, boolean verify) {
        TlsMaterial material = tls == null ? new TlsMaterial(null, null, null) : tls;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(material), trustManagers(material, verify), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getClass().getSimpleName(), e);
        }
    }

    private static KeyManager[] keyManagers(TlsMaterial tls) throws GeneralSecurityException {
        ClientIdentity identity = clientIdentity(tls);
        if (identity == null) {
            return null;
        }
        // the store exists only in memory; a per-context random password keeps the JDK's PKCS12 store happy
        char[] password = Long.toHexString(new SecureRandom().nextLong()).toCharArray();
        KeyStore store = emptyStore();
        store.setKeyEntry("client", identity.key(), password, identity.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    private static TrustManager[] trustManagers(TlsMaterial tls, boolean verify) throws GeneralSecurityException {
        if (!verify) {
            return new TrustManager[]{new AcceptAnyServer()};
        }
        if (!present(tls.ca())) {
            return null;
        }
        KeyStore store = emptyStore();
        List<X509Certificate> cas = certificates("ca", tls.ca());
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca-" + i, cas.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private record ClientIdentity(PrivateKey key, List<X509Certificate> chain) {
    }

    private static ClientIdentity clientIdentity(TlsMaterial tls) {
        boolean hasCert = present(tls.cert());
        boolean hasKey = present(tls.key());
        if (!hasCert && !hasKey) {
            return null;
        }
        if (!hasKey) {
            throw new InvalidTlsMaterial("key", "is missing: a client certificate needs its private key");
        }
        if (!hasCert) {
            throw new InvalidTlsMaterial("cert", "is missing: a private key needs its client certificate");
        }
        List<X509Certificate> chain = certificates("cert", tls.cert());
        PrivateKey key = privateKey(tls.key());
        if (!belongTogether(key, chain.get(0))) {
            throw new InvalidTlsMaterial("key", "does not belong to the client certificate");
        }
        return new ClientIdentity(key, chain);
    }

    private static List<X509Certificate> certificates(String field, String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (!(item instanceof X509CertificateHolder holder)) {
                    throw new InvalidTlsMaterial(field, "must hold only PEM certificates (BEGIN CERTIFICATE)");
                }
                certificates.add(converter.getCertificate(holder));
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            if (e instanceof InvalidTlsMaterial invalid) {
                throw invalid;
            }
            throw new InvalidTlsMaterial(field, "is not a valid PEM certificate");
        }
        if (certificates.isEmpty()) {
            throw new InvalidTlsMaterial(field, "is not a valid PEM certificate");
        }
        return certificates;
    }

    /** Deliberately drops parser exceptions: their messages may quote the key's bytes. */
    private static PrivateKey privateKey(String pem) {
        Object item;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            item = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new InvalidTlsMaterial("key", "is not a valid PEM private key");
        }
        if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new InvalidTlsMaterial("key", "is encrypted: give the key without a passphrase");
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (item instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (item instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidTlsMaterial("key", "is not a usable private key");
        }
        throw new InvalidTlsMaterial("key", "is not a valid PEM private key");
    }

    /** Signs a probe with the key and checks it with the certificate: works for RSA, EC and EdDSA alike. */
    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return key.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm());
        }
        byte[] probe = "powernode-key-check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return store;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * Trust for tlsVerify=false: the connection is encrypted and the client still authenticates itself,
     * but the daemon's certificate is not checked. Extended, so that the JDK adds no identity check of its own.
     */
    private static final class AcceptAnyServer extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("this trust manager only checks servers");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("this trust manager only checks servers");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this trust manager only checks servers");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
