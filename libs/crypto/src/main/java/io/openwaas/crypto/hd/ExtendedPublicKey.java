package io.openwaas.crypto.hd;

import io.openwaas.crypto.ec.InvalidPointException;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.encoding.Base58;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.util.Bytes;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A BIP-32 extended public key on secp256k1 ({@code xpub}/{@code tpub}/...): what an MPC wallet derives addresses
 * from. Public child derivation (CKDpub) and the accumulated tweak of a path.
 */
public final class ExtendedPublicKey {

    private final int version;
    private final int depth;
    private final int parentFingerprint;
    private final int childNumber;
    private final byte[] chainCode;
    private final Secp256k1Point publicKey;

    public ExtendedPublicKey(int version, int depth, int parentFingerprint, int childNumber, byte[] chainCode,
            Secp256k1Point publicKey) {
        if (chainCode.length != 32) {
            throw new IllegalArgumentException("chain code must be 32 bytes");
        }
        if (depth < 0 || depth > 255) {
            throw new IllegalArgumentException("depth out of range");
        }
        if (publicKey.isIdentity()) {
            throw new IllegalArgumentException("public key is the point at infinity");
        }
        this.version = version;
        this.depth = depth;
        this.parentFingerprint = parentFingerprint;
        this.childNumber = childNumber;
        this.chainCode = chainCode.clone();
        this.publicKey = publicKey;
    }

    /** A root-style key (depth 0) from a public key and chain code, e.g. the result of an MPC key generation. */
    public static ExtendedPublicKey root(Bip32Version version, Secp256k1Point publicKey, byte[] chainCode) {
        return new ExtendedPublicKey(version.publicVersion, 0, 0, 0, chainCode, publicKey);
    }

    /**
     * Parses a Base58Check extended public key with BIP-32's checks (78 bytes, known public version, depth-0
     * consistency, 02/03 prefix and a valid curve point).
     *
     * @throws IllegalArgumentException with the reason when invalid (also for an extended private key)
     */
    public static ExtendedPublicKey parse(String s) {
        byte[] raw = Base58.decodeCheck(s);
        if (raw.length != 78) {
            throw new IllegalArgumentException("extended key must be 78 bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        int version = b.getInt();
        Bip32Version v = Bip32Version.of(version);
        if (v == null) {
            throw new IllegalArgumentException("unknown extended key version");
        }
        if (v.publicVersion != version) {
            throw new IllegalArgumentException("not an extended public key version");
        }
        int depth = b.get() & 0xFF;
        int fp = b.getInt();
        int child = b.getInt();
        checkRootFields(depth, fp, child);
        byte[] cc = new byte[32];
        b.get(cc);
        byte[] key = new byte[33];
        b.get(key);
        if (key[0] != 2 && key[0] != 3) {
            throw new IllegalArgumentException("invalid public key prefix in extended public key");
        }
        Secp256k1Point p;
        try {
            p = Secp256k1.GROUP.decode(key);
        } catch (InvalidPointException e) {
            throw new IllegalArgumentException("invalid public key in extended public key", e);
        }
        return new ExtendedPublicKey(version, depth, fp, child, cc, p);
    }

    static void checkRootFields(int depth, int fp, int child) {
        if (depth == 0 && fp != 0) {
            throw new IllegalArgumentException("zero depth with non-zero parent fingerprint");
        }
        if (depth == 0 && child != 0) {
            throw new IllegalArgumentException("zero depth with non-zero index");
        }
    }

    /** Base58Check serialisation. */
    public String serialize() {
        ByteBuffer b = ByteBuffer.allocate(78);
        b.putInt(version).put((byte) depth).putInt(parentFingerprint).putInt(childNumber).put(chainCode)
                .put(publicKey.encode());
        return Base58.encodeCheck(b.array());
    }

    private volatile Integer fingerprint;

    /** The first 4 bytes of HASH160(compressed public key), as an int. */
    public int fingerprint() {
        Integer fp = fingerprint;
        if (fp == null) {
            fp = ByteBuffer.wrap(Hashes.hash160(publicKey.encode())).getInt();
            fingerprint = fp;
        }
        return fp;
    }

    /** The result of a public derivation: the child and the scalar {@code t} with {@code child = parent + t·G}. */
    public record Derived(ExtendedPublicKey key, BigInteger tweak) {
    }

    /**
     * CKDpub for one non-hardened index.
     *
     * @throws IllegalArgumentException for a hardened index, or (probability below 2^-127) an invalid child, as
     *     BIP-32 says to move on to the next index
     */
    public ExtendedPublicKey derive(int index) {
        return deriveStep(index).key();
    }

    private Derived deriveStep(int index) {
        if (DerivationPath.isHardened(index)) {
            throw new IllegalArgumentException("hardened derivation needs the private key");
        }
        byte[] i = Hashes.hmacSha512(chainCode, publicKey.encode(), Bytes.int32BE(index));
        BigInteger il = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
        if (il.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("invalid child (IL >= n) at index " + index);
        }
        // IL is public (computed from the public key and chain code): the variable-time generator table is fine
        Secp256k1Point child = Secp256k1.GROUP.generator().multiply(il).add(publicKey);
        if (child.isIdentity()) {
            throw new IllegalArgumentException("invalid child (point at infinity) at index " + index);
        }
        return new Derived(new ExtendedPublicKey(version, depth + 1, fingerprint(), index,
                Arrays.copyOfRange(i, 32, 64), child), il);
    }

    /** Derives along a non-hardened path and accumulates the tweak {@code t = sum(IL) mod n}. */
    public Derived deriveWithTweak(DerivationPath path) {
        ExtendedPublicKey k = this;
        BigInteger t = BigInteger.ZERO;
        for (int index : path.indexes()) {
            Derived d = k.deriveStep(index);
            k = d.key();
            t = t.add(d.tweak());
        }
        return new Derived(k, t.mod(Secp256k1.N));
    }

    /** Derives along a non-hardened path. */
    public ExtendedPublicKey derive(DerivationPath path) {
        return deriveWithTweak(path).key();
    }

    /** The same key with other version bytes (e.g. xpub to tpub). */
    public ExtendedPublicKey withVersion(int newVersion) {
        return new ExtendedPublicKey(newVersion, depth, parentFingerprint, childNumber, chainCode, publicKey);
    }

    public int version() {
        return version;
    }

    public int depth() {
        return depth;
    }

    public int parentFingerprint() {
        return parentFingerprint;
    }

    public int childNumber() {
        return childNumber;
    }

    public byte[] chainCode() {
        return chainCode.clone();
    }

    public Secp256k1Point publicKey() {
        return publicKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtendedPublicKey && serialize().equals(((ExtendedPublicKey) o).serialize());
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
