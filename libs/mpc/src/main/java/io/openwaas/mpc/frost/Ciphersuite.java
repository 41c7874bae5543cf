package io.openwaas.mpc.frost;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.mpc.common.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The two RFC 9591 ciphersuites this library implements (RFC 9591 §6.1 FROST(Ed25519, SHA-512) and §6.5
 * FROST(secp256k1, SHA-256)): group, context string and the hash functions H1–H5.
 */
public enum Ciphersuite {

    /** RFC 9591 §6.1. Output verifies as an RFC 8032 Ed25519 signature. */
    ED25519_SHA512("FROST-ED25519-SHA512-v1", Ed25519Group.GROUP),
    /** RFC 9591 §6.5. Output is {@code SerializeElement(R) ‖ SerializeScalar(z)} (65 bytes), not BIP-340. */
    SECP256K1_SHA256("FROST-secp256k1-SHA256-v1", Secp256k1.GROUP);

    private final byte[] context;
    private final EcGroup group;

    Ciphersuite(String context, EcGroup group) {
        this.context = context.getBytes(StandardCharsets.US_ASCII);
        this.group = group;
    }

    public EcGroup group() {
        return group;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** H1: binding factor ("rho"). */
    public BigInteger h1(byte[] m) {
        return toScalar("rho", m);
    }

    /** H2: challenge ("chal"; for Ed25519 the plain SHA-512 of RFC 8032). */
    public BigInteger h2(byte[] m) {
        if (this == ED25519_SHA512) {
            return leMod(Hashes.sha512(m));
        }
        return toScalar("chal", m);
    }

    /** H3: nonce ("nonce"). */
    public BigInteger h3(byte[] m) {
        return toScalar("nonce", m);
    }

    /** H4: message hash ("msg"). */
    public byte[] h4(byte[] m) {
        return digest("msg", m);
    }

    /** H5: commitment-list hash ("com"). */
    public byte[] h5(byte[] m) {
        return digest("com", m);
    }

    private byte[] digest(String tag, byte[] m) {
        return this == ED25519_SHA512 ? Hashes.sha512(context, ascii(tag), m) : Hashes.sha256(context, ascii(tag), m);
    }

    private BigInteger toScalar(String tag, byte[] m) {
        if (this == ED25519_SHA512) {
            return leMod(Hashes.sha512(context, ascii(tag), m));
        }
        // RFC 9380 hash_to_field with expand_message_xmd(SHA-256), L = 48, DST = contextString ‖ tag.
        byte[] u = expandMessageXmd(m, Bytes.concat(context, ascii(tag)), 48);
        return new BigInteger(1, u).mod(group.order());
    }

    private BigInteger leMod(byte[] h) {
        return new BigInteger(1, Bytes.reverse(h)).mod(group.order());
    }

    /** RFC 9380 §5.3.1 expand_message_xmd with SHA-256. */
    static byte[] expandMessageXmd(byte[] msg, byte[] dst, int lenInBytes) {
        int bInBytes = 32;
        int rInBytes = 64;
        int ell = (lenInBytes + bInBytes - 1) / bInBytes;
        if (ell > 255 || dst.length > 255) {
            throw new IllegalArgumentException("expand_message_xmd parameters out of range");
        }
        byte[] dstPrime = Bytes.concat(dst, new byte[] {(byte) dst.length});
        byte[] zPad = new byte[rInBytes];
        byte[] lib = {(byte) (lenInBytes >>> 8), (byte) lenInBytes};
        byte[] b0 = Hashes.sha256(zPad, msg, lib, new byte[] {0}, dstPrime);
        byte[] out = new byte[lenInBytes];
        byte[] prev = Hashes.sha256(b0, new byte[] {1}, dstPrime);
        int off = 0;
        for (int i = 1; ; i++) {
            int n = Math.min(bInBytes, lenInBytes - off);
            System.arraycopy(prev, 0, out, off, n);
            off += n;
            if (off >= lenInBytes) {
                break;
            }
            byte[] x = new byte[bInBytes];
            for (int j = 0; j < bInBytes; j++) {
                x[j] = (byte) (b0[j] ^ prev[j]);
            }
            prev = Hashes.sha256(x, new byte[] {(byte) (i + 1)}, dstPrime);
        }
        return out;
    }
}
