package io.openwaas.crypto.hd;

import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.encoding.Base58;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.keys.Secp256k1PrivateKey;
import io.openwaas.crypto.util.Bytes;
import io.openwaas.crypto.util.Secret;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A BIP-32 extended private key on secp256k1 ({@code xprv}/{@code tprv}/...). MPC wallets never hold one; it exists
 * for tests, vectors and recovery tooling. Redacted {@link #toString()}; {@link #destroy()} zeroes the key.
 */
public final class ExtendedPrivateKey implements AutoCloseable {

    private final int version;
    private final int depth;
    private final int parentFingerprint;
    private final int childNumber;
    private final Secret chainCode;
    private final Secp256k1PrivateKey key;

    private ExtendedPrivateKey(int version, int depth, int parentFingerprint, int childNumber, byte[] chainCode,
            Secp256k1PrivateKey key) {
        this.version = version;
        this.depth = depth;
        this.parentFingerprint = parentFingerprint;
        this.childNumber = childNumber;
        this.chainCode = Secret.wrap(chainCode);
        this.key = key;
    }

    /** BIP-32 master key: {@code I = HMAC-SHA512("Bitcoin seed", seed)}. */
    public static ExtendedPrivateKey fromSeed(byte[] seed, Bip32Version version) {
        byte[] i = Hashes.hmacSha512("Bitcoin seed".getBytes(StandardCharsets.US_ASCII), seed);
        try {
            return new ExtendedPrivateKey(version.privateVersion, 0, 0, 0, Arrays.copyOfRange(i, 32, 64),
                    Secp256k1PrivateKey.wrap(Arrays.copyOfRange(i, 0, 32)));
        } finally {
            Arrays.fill(i, (byte) 0);
        }
    }

    /**
     * Parses a Base58Check extended private key with BIP-32's checks.
     *
     * @throws IllegalArgumentException with the reason when invalid (also for an extended public key)
     */
    public static ExtendedPrivateKey parse(String s) {
        byte[] raw = Base58.decodeCheck(s);
        try {
            if (raw.length != 78) {
                throw new IllegalArgumentException("extended key must be 78 bytes");
            }
            ByteBuffer b = ByteBuffer.wrap(raw);
            int version = b.getInt();
            Bip32Version v = Bip32Version.of(version);
            if (v == null) {
                throw new IllegalArgumentException("unknown extended key version");
            }
            if (v.privateVersion != version) {
                throw new IllegalArgumentException("not an extended private key version");
            }
            int depth = b.get() & 0xFF;
            int fp = b.getInt();
            int child = b.getInt();
            ExtendedPublicKey.checkRootFields(depth, fp, child);
            byte[] cc = new byte[32];
            b.get(cc);
            if (b.get() != 0) {
                throw new IllegalArgumentException("invalid private key prefix in extended private key");
            }
            byte[] k = new byte[32];
            b.get(k);
            BigInteger d = new BigInteger(1, k);
            if (d.signum() == 0 || d.compareTo(Secp256k1.N) >= 0) {
                throw new IllegalArgumentException("private key not in 1..n-1");
            }
            return new ExtendedPrivateKey(version, depth, fp, child, cc, Secp256k1PrivateKey.wrap(k));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Base58Check serialisation (a secret string: do not log it). */
    public String serialize() {
        ByteBuffer b = ByteBuffer.allocate(78);
        b.putInt(version).put((byte) depth).putInt(parentFingerprint).putInt(childNumber).put(chainCode.bytes())
                .put((byte) 0).put(key.bytes());
        return Base58.encodeCheck(b.array());
    }

    /** CKDpriv for one index (hardened or not). */
    public ExtendedPrivateKey derive(int index) {
        byte[] data = DerivationPath.isHardened(index)
                ? Bytes.concat(new byte[] {0}, key.bytes(), Bytes.int32BE(index))
                : Bytes.concat(key.publicKey().encode(), Bytes.int32BE(index));
        byte[] i = Hashes.hmacSha512(chainCode.bytes(), data);
        Arrays.fill(data, (byte) 0);
        BigInteger il = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
        BigInteger k = il.add(key.scalar()).mod(Secp256k1.N);
        if (il.compareTo(Secp256k1.N) >= 0 || k.signum() == 0) {
            throw new IllegalArgumentException("invalid child at index " + index);
        }
        try {
            return new ExtendedPrivateKey(version, depth + 1, fingerprint(), index, Arrays.copyOfRange(i, 32, 64),
                    Secp256k1PrivateKey.of(k));
        } finally {
            Arrays.fill(i, (byte) 0);
        }
    }

    /** CKDpriv along a path. */
    public ExtendedPrivateKey derive(DerivationPath path) {
        ExtendedPrivateKey k = this;
        for (int index : path.indexes()) {
            k = k.derive(index);
        }
        return k;
    }

    /** The matching extended public key (N function). */
    public ExtendedPublicKey neuter() {
        Bip32Version v = Bip32Version.of(version);
        return new ExtendedPublicKey(v.publicVersion, depth, parentFingerprint, childNumber, chainCode.bytes(),
                key.publicKey());
    }

    public int fingerprint() {
        return ByteBuffer.wrap(Hashes.hash160(key.publicKey().encode())).getInt();
    }

    public Secp256k1PrivateKey privateKey() {
        return key;
    }

    public int depth() {
        return depth;
    }

    public int childNumber() {
        return childNumber;
    }

    public void destroy() {
        key.destroy();
        chainCode.destroy();
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "ExtendedPrivateKey[redacted]";
    }
}
