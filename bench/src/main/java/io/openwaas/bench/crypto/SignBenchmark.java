package io.openwaas.bench.crypto;

import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ecdsa.Ecdsa;
import io.openwaas.crypto.eddsa.Ed25519;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.keys.Ed25519PrivateKey;
import io.openwaas.crypto.keys.Secp256k1PrivateKey;
import io.openwaas.crypto.schnorr.Bip340;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.math.BigInteger;

/**
 * Single-party signing: our signers and BouncyCastle's own as baseline, in the same JVM. The message changes on
 * every call (a counter), so deterministic nonces are recomputed each time.
 *
 * <p>BouncyCastle has no BIP-340 signer; its nearest own signer over the same group is deterministic ECDSA
 * ({@code ECDSASigner} + RFC 6979), which is the BIP-340 baseline. Our BIP-340 signer also verifies its signature
 * before returning it, as BIP-340 recommends against fault attacks.
 */
@State(Scope.Thread)
public class SignBenchmark {

    private Secp256k1PrivateKey secpKey;
    private Ed25519PrivateKey edKey;
    private byte[] edSeed;
    private byte[] edPub;
    private ECDSASigner bcEcdsa;
    private final byte[] aux = new byte[32];
    private long counter;

    @Setup
    public void setup() {
        secpKey = Secp256k1PrivateKey.of(new BigInteger("1234567890abcdef1234567890abcdef1234567890abcdef", 16));
        edSeed = Hashes.sha256("ed25519 bench seed".getBytes());
        edKey = Ed25519PrivateKey.fromSeed(edSeed);
        edPub = edKey.publicKeyBytes();
        bcEcdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        bcEcdsa.init(true, new ECPrivateKeyParameters(secpKey.scalar(), new ECDomainParameters(Secp256k1.PARAMS)));
    }

    private byte[] nextMessage() {
        long c = ++counter;
        byte[] m = new byte[32];
        for (int i = 0; i < 8; i++) {
            m[i] = (byte) (c >>> (8 * i));
        }
        m[31] = 1;
        return m;
    }

    @Benchmark
    public Object ecdsaSign() {
        return Ecdsa.sign(secpKey, nextMessage());
    }

    @Benchmark
    public Object bip340Sign() {
        return Bip340.sign(secpKey, nextMessage(), aux);
    }

    @Benchmark
    public Object ed25519Sign() {
        return Ed25519.sign(edKey, nextMessage());
    }

    @Benchmark
    public Object baselineEcdsaSign() {
        return bcEcdsa.generateSignature(nextMessage());
    }

    @Benchmark
    public Object baselineEd25519Sign() {
        byte[] m = nextMessage();
        byte[] sig = new byte[64];
        org.bouncycastle.math.ec.rfc8032.Ed25519.sign(edSeed, 0, edPub, 0, m, 0, m.length, sig, 0);
        return sig;
    }
}
