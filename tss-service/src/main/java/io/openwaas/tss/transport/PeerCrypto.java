package io.openwaas.tss.transport;

import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Authenticity and confidentiality of peer records. Signature: Ed25519 over {@code "openwaas/tss/peer/v1" ‖
 * signed part} with the sender's identity key. Encryption to one recipient: a fresh X25519 key per record,
 * {@code k = HKDF-SHA256(ikm = X25519(eph, recipient), salt = eph_pub ‖ recipient_pub, info =
 * "openwaas/tss/peer-encryption/v1")}, AES-256-GCM with a random 96-bit nonce and the record header as associated
 * data; the payload becomes {@code eph_pub(32) ‖ nonce(12) ‖ ciphertext ‖ tag}.
 */
public final class PeerCrypto {

    private static final byte[] SIGN_DOMAIN = "openwaas/tss/peer/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HKDF_INFO = "openwaas/tss/peer-encryption/v1".getBytes(StandardCharsets.US_ASCII);

    private PeerCrypto() {
    }

    public static byte[] sign(Ed25519PrivateKeyParameters key, byte[] signedPart) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, key);
        s.update(SIGN_DOMAIN, 0, SIGN_DOMAIN.length);
        s.update(signedPart, 0, signedPart.length);
        return s.generateSignature();
    }

    public static boolean verify(Ed25519PublicKeyParameters key, byte[] signedPart, byte[] signature) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(false, key);
        s.update(SIGN_DOMAIN, 0, SIGN_DOMAIN.length);
        s.update(signedPart, 0, signedPart.length);
        return s.verifySignature(signature);
    }

    public static byte[] encrypt(X25519PublicKeyParameters recipient, byte[] header, byte[] plaintext,
                                 SecureRandom rnd) {
        X25519PrivateKeyParameters eph = new X25519PrivateKeyParameters(rnd);
        byte[] ephPub = eph.generatePublicKey().getEncoded();
        byte[] key = derive(eph, recipient, ephPub, recipient.getEncoded());
        byte[] nonce = new byte[12];
        rnd.nextBytes(nonce);
        try {
            byte[] ct = gcm(Cipher.ENCRYPT_MODE, key, nonce, header, plaintext);
            byte[] out = new byte[32 + 12 + ct.length];
            System.arraycopy(ephPub, 0, out, 0, 32);
            System.arraycopy(nonce, 0, out, 32, 12);
            System.arraycopy(ct, 0, out, 44, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Decrypts a payload encrypted to {@code self}; null when it does not open (wrong recipient, tampered). */
    public static byte[] decrypt(X25519PrivateKeyParameters self, byte[] header, byte[] payload) {
        if (payload.length < 32 + 12 + 16) {
            return null;
        }
        byte[] ephPub = Arrays.copyOfRange(payload, 0, 32);
        byte[] nonce = Arrays.copyOfRange(payload, 32, 44);
        byte[] key;
        try {
            key = derive(self, new X25519PublicKeyParameters(ephPub, 0), ephPub,
                    self.generatePublicKey().getEncoded());
        } catch (IllegalStateException lowOrderPoint) {
            return null;
        }
        try {
            return gcm(Cipher.DECRYPT_MODE, key, nonce, header, Arrays.copyOfRange(payload, 44, payload.length));
        } catch (GeneralSecurityException e) {
            return null;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] derive(X25519PrivateKeyParameters priv, X25519PublicKeyParameters pub, byte[] ephPub,
                                 byte[] recipientPub) {
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(priv);
        byte[] shared = new byte[32];
        agreement.calculateAgreement(pub, shared, 0);
        byte[] salt = new byte[64];
        System.arraycopy(ephPub, 0, salt, 0, 32);
        System.arraycopy(recipientPub, 0, salt, 32, 32);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(shared, salt, HKDF_INFO));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, 32);
        Arrays.fill(shared, (byte) 0);
        return key;
    }

    private static byte[] gcm(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] input)
            throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD(aad);
        return c.doFinal(input);
    }
}
