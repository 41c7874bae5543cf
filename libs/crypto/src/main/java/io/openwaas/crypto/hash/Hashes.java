package io.openwaas.crypto.hash;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The hash functions of the supported chains (BouncyCastle digests). */
public final class Hashes {

    private static final Map<String, byte[]> TAG_PREFIX = new ConcurrentHashMap<>();

    private Hashes() {
    }

    private static byte[] run(Digest d, byte[]... parts) {
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    /** SHA-256 of the concatenation. */
    public static byte[] sha256(byte[]... parts) {
        return run(new SHA256Digest(), parts);
    }

    /** SHA-256(SHA-256(x)) (Bitcoin's hash256). */
    public static byte[] sha256d(byte[]... parts) {
        return sha256(sha256(parts));
    }

    /** SHA-512 of the concatenation. */
    public static byte[] sha512(byte[]... parts) {
        return run(new SHA512Digest(), parts);
    }

    /** RIPEMD-160(SHA-256(x)) (Bitcoin's hash160). */
    public static byte[] hash160(byte[] data) {
        return run(new RIPEMD160Digest(), sha256(data));
    }

    /** Keccak-256 (Ethereum's, not FIPS SHA3-256). */
    public static byte[] keccak256(byte[]... parts) {
        return run(new KeccakDigest(256), parts);
    }

    /** HMAC-SHA512. */
    /**
     * EIP-191 version {@code 0x45} ({@code personal_sign}): {@code keccak256("\x19Ethereum Signed Message:\n" ‖ len ‖
     * message)}, with the length in decimal ASCII.
     */
    public static byte[] ethPersonalMessage(byte[] message) {
        byte[] prefix = ("\u0019Ethereum Signed Message:\n" + message.length)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return keccak256(prefix, message);
    }

    public static byte[] hmacSha512(byte[] key, byte[]... parts) {
        HMac mac = new HMac(new SHA512Digest());
        mac.init(new KeyParameter(key));
        for (byte[] p : parts) {
            mac.update(p, 0, p.length);
        }
        byte[] out = new byte[64];
        mac.doFinal(out, 0);
        return out;
    }

    /** BIP-340 tagged hash: SHA-256(SHA-256(tag) || SHA-256(tag) || x). */
    public static byte[] tagged(String tag, byte[]... parts) {
        byte[] prefix = TAG_PREFIX.computeIfAbsent(tag, t -> {
            byte[] h = sha256(t.getBytes(StandardCharsets.UTF_8));
            byte[] two = new byte[64];
            System.arraycopy(h, 0, two, 0, 32);
            System.arraycopy(h, 0, two, 32, 32);
            return two;
        });
        SHA256Digest d = new SHA256Digest();
        d.update(prefix, 0, 64);
        return run(d, parts);
    }
}
