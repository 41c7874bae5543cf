package io.openwaas.crypto.hd;

import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Ed25519Point;
import io.openwaas.crypto.ec.InvalidPointException;
import io.openwaas.crypto.encoding.Base58;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.util.Bytes;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An ed25519 extended public key in Cobo's non-hardened BIP-32-shaped scheme ({@code cpub}, as in
 * CoboGlobal/cobo-mpc-recovery-kits {@code eddsa_ckd_nh.go}; described in {@code testvectors/cobo-mpc/README}):
 * {@code I = HMAC-SHA512(chain code, 0x00 || A || index_BE32)}, child {@code A' = A + IL·B} with {@code IL} the
 * first 32 bytes read big-endian (not reduced, not truncated, not multiplied by 8; the scalar child key is
 * {@code (k + IL) mod L}), child chain code = the last 32 bytes. Hardened indexes are not supported.
 */
public final class Ed25519ExtendedPublicKey {

    /** Version bytes of {@code cpub} strings. */
    public static final int CPUB = 0x02e8de90;
    /** Version bytes of {@code cprv} strings. */
    public static final int CPRV = 0x02e8da54;

    private final int depth;
    private final int parentFingerprint;
    private final int childNumber;
    private final byte[] chainCode;
    private final Ed25519Point publicKey;

    public Ed25519ExtendedPublicKey(int depth, int parentFingerprint, int childNumber, byte[] chainCode,
            Ed25519Point publicKey) {
        if (chainCode.length != 32) {
            throw new IllegalArgumentException("chain code must be 32 bytes");
        }
        this.depth = depth;
        this.parentFingerprint = parentFingerprint;
        this.childNumber = childNumber;
        this.chainCode = chainCode.clone();
        this.publicKey = publicKey;
    }

    /** A depth-0 key from an MPC group public key and a chain code. */
    public static Ed25519ExtendedPublicKey root(Ed25519Point publicKey, byte[] chainCode) {
        return new Ed25519ExtendedPublicKey(0, 0, 0, chainCode, publicKey);
    }

    /**
     * Parses a {@code cpub} string.
     *
     * @throws IllegalArgumentException on a bad checksum, length, version, key prefix or point
     */
    public static Ed25519ExtendedPublicKey parse(String s) {
        byte[] raw = Base58.decodeCheck(s);
        if (raw.length != 78) {
            throw new IllegalArgumentException("extended key must be 78 bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        if (b.getInt() != CPUB) {
            throw new IllegalArgumentException("not a cpub version");
        }
        int depth = b.get() & 0xFF;
        int fp = b.getInt();
        int child = b.getInt();
        ExtendedPublicKey.checkRootFields(depth, fp, child);
        byte[] cc = new byte[32];
        b.get(cc);
        if (b.get() != 0) {
            throw new IllegalArgumentException("ed25519 public key must start with 00");
        }
        byte[] key = new byte[32];
        b.get(key);
        try {
            return new Ed25519ExtendedPublicKey(depth, fp, child, cc, Ed25519Group.GROUP.decode(key));
        } catch (InvalidPointException e) {
            throw new IllegalArgumentException("invalid ed25519 public key", e);
        }
    }

    /** The 33-byte key field {@code 0x00 || RFC 8032 encoding}. */
    public byte[] keyBytes33() {
        return Bytes.concat(new byte[] {0}, publicKey.encode());
    }

    public String serialize() {
        ByteBuffer b = ByteBuffer.allocate(78);
        b.putInt(CPUB).put((byte) depth).putInt(parentFingerprint).putInt(childNumber).put(chainCode)
                .put(keyBytes33());
        return Base58.encodeCheck(b.array());
    }

    /** First 4 bytes of RIPEMD-160(SHA-256(33-byte key)). */
    public int fingerprint() {
        Integer fp = fingerprint;
        if (fp == null) {
            fp = ByteBuffer.wrap(Hashes.hash160(keyBytes33())).getInt();
            fingerprint = fp;
        }
        return fp;
    }

    private volatile Integer fingerprint;

    /** The child and the scalar {@code t} with {@code child = parent + t·B}. */
    public record Derived(Ed25519ExtendedPublicKey key, BigInteger tweak) {
    }

    static byte[] ckd(byte[] chainCode, byte[] key33, int index) {
        if (DerivationPath.isHardened(index)) {
            throw new IllegalArgumentException("Cobo ed25519 derivation supports non-hardened indexes only");
        }
        return Hashes.hmacSha512(chainCode, key33, Bytes.int32BE(index));
    }

    private Derived deriveStep(int index) {
        byte[] i = ckd(chainCode, keyBytes33(), index);
        BigInteger il = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
        // IL is public (computed from the public key and chain code): variable-time lookup is fine
        Ed25519Point child = Ed25519Group.GROUP.generator().multiply(il).add(publicKey);
        return new Derived(new Ed25519ExtendedPublicKey(depth + 1, fingerprint(), index,
                Arrays.copyOfRange(i, 32, 64), child), il.mod(Ed25519Group.L));
    }

    public Ed25519ExtendedPublicKey derive(int index) {
        return deriveStep(index).key();
    }

    /** Derives along a non-hardened path, accumulating {@code t = sum(IL) mod L}. */
    public Derived deriveWithTweak(DerivationPath path) {
        Ed25519ExtendedPublicKey k = this;
        BigInteger t = BigInteger.ZERO;
        for (int index : path.indexes()) {
            Derived d = k.deriveStep(index);
            k = d.key();
            t = t.add(d.tweak());
        }
        return new Derived(k, t.mod(Ed25519Group.L));
    }

    public Ed25519ExtendedPublicKey derive(DerivationPath path) {
        return deriveWithTweak(path).key();
    }

    public Ed25519Point publicKey() {
        return publicKey;
    }

    public byte[] chainCode() {
        return chainCode.clone();
    }

    public int depth() {
        return depth;
    }

    public int childNumber() {
        return childNumber;
    }

    public int parentFingerprint() {
        return parentFingerprint;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519ExtendedPublicKey && serialize().equals(((Ed25519ExtendedPublicKey) o).serialize());
    }

    @Override
    public int hashCode() {
        return serialize().hashCode();
    }

    @Override
    public String toString() {
        return serialize();
    }
}
