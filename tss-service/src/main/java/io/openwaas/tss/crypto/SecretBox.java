package io.openwaas.tss.crypto;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * AES-256-GCM under the node's key-encryption key: how every secret is stored. The sealed form is
 * {@code nonce(12) ‖ ciphertext ‖ tag(16)}; the associated data names what the secret is (e.g. {@code key_share:<id>}),
 * so a sealed value copied to another row does not open.
 */
public final class SecretBox {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(byte[] kek) {
        if (kek.length != 32) {
            throw new IllegalArgumentException("the key-encryption key must be 32 bytes");
        }
        this.key = new SecretKeySpec(kek.clone(), "AES");
    }

    /** From the configured base64 value. */
    public static SecretBox fromBase64(String kek) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(kek.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("openwaas.tss.kek is not base64");
        }
        try {
            return new SecretBox(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    public byte[] seal(byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext);
            byte[] out = new byte[NONCE + ct.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(ct, 0, out, NONCE, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Opens a sealed value; a wrong key, associated data or a modified value is an {@link IllegalStateException}. */
    public byte[] open(byte[] sealed, String associatedData) {
        if (sealed.length < NONCE + TAG_BITS / 8) {
            throw new IllegalStateException("sealed value too short: " + associatedData);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open " + associatedData + ": wrong key-encryption key or tampered value");
        }
    }
}
