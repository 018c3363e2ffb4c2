package io.powernode.devops.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.host.SealedCredentials;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-256-GCM under a master key: authenticated, so a tampered or foreign ciphertext fails to open
 * instead of yielding garbage credentials. The key id is bound in as associated data, so a ciphertext
 * cannot be replayed under another key's label.
 */
public final class AesGcmCredentialSealer implements CredentialSealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String keyId;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public AesGcmCredentialSealer(MasterKey masterKey) {
        this.keyId = masterKey.id();
        this.key = new SecretKeySpec(masterKey.bytes(), "AES");
    }

    @Override
    public SealedCredentials seal(TlsMaterial material) {
        try {
            return new SealedCredentials(keyId, sealBytes(JSON.writeValueAsBytes(Payload.of(material))));
        } catch (IOException e) {
            throw new IllegalStateException("sealing TLS credentials failed", e);
        }
    }

    @Override
    public TlsMaterial open(SealedCredentials sealed) {
        byte[] plain = openBytes(sealed.keyId(), sealed.ciphertext(), "TLS credentials");
        try {
            return JSON.readValue(plain, Payload.class).material();
        } catch (IOException e) {
            throw new CredentialsUnreadable("stored TLS credentials cannot be read", e);
        }
    }

    @Override
    public SealedValue sealValue(byte[] value) {
        return new SealedValue(keyId, sealBytes(value));
    }

    @Override
    public byte[] openValue(SealedValue sealed) {
        return openBytes(sealed.keyId(), sealed.ciphertext(), "secret value");
    }

    private String sealBytes(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce).doFinal(plain);
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** @param what named in errors, which never quote the ciphertext */
    private byte[] openBytes(String sealedKeyId, String ciphertext, String what) {
        if (!keyId.equals(sealedKeyId)) {
            throw new CredentialsUnreadable("a " + what + " was sealed with master key '" + sealedKeyId
                    + "', this platform holds '" + keyId + "'", null);
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(ciphertext));
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(nonce);
            byte[] body = new byte[in.remaining()];
            in.get(body);
            return cipher(Cipher.DECRYPT_MODE, nonce).doFinal(body);
        } catch (GeneralSecurityException | IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new CredentialsUnreadable("a stored " + what + " cannot be opened (altered or sealed by another key)", e);
        }
    }

    /** The sealed format, fixed here rather than left to whatever methods TlsMaterial grows. */
    private record Payload(String ca, String cert, String key) {
        static Payload of(TlsMaterial material) {
            return new Payload(material.ca(), material.cert(), material.key());
        }

        TlsMaterial material() {
            return new TlsMaterial(ca, cert, key);
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
