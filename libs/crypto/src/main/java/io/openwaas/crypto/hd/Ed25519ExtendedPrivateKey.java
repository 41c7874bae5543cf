package io.openwaas.crypto.hd;

import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.encoding.Base58;
import io.openwaas.crypto.keys.Ed25519PrivateKey;
import io.openwaas.crypto.util.Bytes;
import io.openwaas.crypto.util.Secret;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The private side of Cobo's ed25519 non-hardened scheme ({@code cprv}): a raw scalar {@code k} (32 bytes big-endian in
 * serialisations), child {@code (k + IL) mod L}. For tests and recovery tooling; redacted {@link #toString()},
 * {@link #destroy()} zeroes it.
 */
public final class Ed25519ExtendedPrivateKey implements AutoCloseable {

    private final int depth;
    private final int parentFingerprint;
    private final int childNumber;
    private final Secret chainCode;
    private final Secret scalarBE;
    private final Ed25519ExtendedPublicKey publicKey;

    private Ed25519ExtendedPrivateKey(int depth, int parentFingerprint, int childNumber, byte[] chainCode,
            BigInteger k) {
        this.depth = depth;
        this.parentFingerprint = parentFingerprint;
        this.childNumber = childNumber;
        this.chainCode = Secret.wrap(chainCode);
        this.scalarBE = Secret.ofBigEndian(k, 32);
        this.publicKey = new Ed25519ExtendedPublicKey(depth, parentFingerprint, childNumber, chainCode,
                Ed25519Group.GROUP.mulBase(k));
    }

    /** A depth-0 key from a scalar and chain code. */
    public static Ed25519ExtendedPrivateKey root(BigInteger k, byte[] chainCode) {
        checkScalar(k);
        return new Ed25519ExtendedPrivateKey(0, 0, 0, chainCode, k);
    }

    private static void checkScalar(BigInteger k) {
        if (k.signum() <= 0 || k.compareTo(Ed25519Group.L) >= 0) {
            throw new IllegalArgumentException("ed25519 scalar not in 1..L-1");
        }
    }

    /** Parses a {@code cprv} string. */
    public static Ed25519ExtendedPrivateKey parse(String s) {
        byte[] raw = Base58.decodeCheck(s);
        try {
            if (raw.length != 78) {
                throw new IllegalArgumentException("extended key must be 78 bytes");
            }
            ByteBuffer b = ByteBuffer.wrap(raw);
            if (b.getInt() != Ed25519ExtendedPublicKey.CPRV) {
                throw new IllegalArgumentException("not a cprv version");
            }
            int depth = b.get() & 0xFF;
            int fp = b.getInt();
            int child = b.getInt();
            ExtendedPublicKey.checkRootFields(depth, fp, child);
            byte[] cc = new byte[32];
            b.get(cc);
            if (b.get() != 0) {
                throw new IllegalArgumentException("cprv key must start with 00");
            }
            byte[] k = new byte[32];
            b.get(k);
            BigInteger scalar = new BigInteger(1, k);
            Arrays.fill(k, (byte) 0);
            checkScalar(scalar);
            return new Ed25519ExtendedPrivateKey(depth, fp, child, cc, scalar);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** A secret string: do not log it. */
    public String serialize() {
        ByteBuffer b = ByteBuffer.allocate(78);
        b.putInt(Ed25519ExtendedPublicKey.CPRV).put((byte) depth).putInt(parentFingerprint).putInt(childNumber)
                .put(chainCode.bytes()).put((byte) 0).put(scalarBE.bytes());
        return Base58.encodeCheck(b.array());
    }

    public Ed25519ExtendedPrivateKey derive(int index) {
        byte[] i = Ed25519ExtendedPublicKey.ckd(chainCode.bytes(), publicKey.keyBytes33(), index);
        BigInteger il = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
        BigInteger k = il.add(scalar()).mod(Ed25519Group.L);
        try {
            return new Ed25519ExtendedPrivateKey(depth + 1, publicKey.fingerprint(), index,
                    Arrays.copyOfRange(i, 32, 64), k);
        } finally {
            Arrays.fill(i, (byte) 0);
        }
    }

    public Ed25519ExtendedPrivateKey derive(DerivationPath path) {
        Ed25519ExtendedPrivateKey k = this;
        for (int index : path.indexes()) {
            k = k.derive(index);
        }
        return k;
    }

    /** The secret scalar. */
    public BigInteger scalar() {
        return scalarBE.toBigIntegerBE();
    }

    /** A signing key for this scalar (see {@link Ed25519PrivateKey#fromScalar(BigInteger)}). */
    public Ed25519PrivateKey signingKey() {
        return Ed25519PrivateKey.fromScalar(scalar());
    }

    public Ed25519ExtendedPublicKey neuter() {
        return publicKey;
    }

    public void destroy() {
        scalarBE.destroy();
        chainCode.destroy();
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "Ed25519ExtendedPrivateKey[redacted]";
    }
}
