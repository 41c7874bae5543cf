package io.openwaas.bench.crypto;

import io.openwaas.crypto.address.AddressEncoding;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.address.BitcoinNetwork;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.hd.Bip32Version;
import io.openwaas.crypto.hd.Ed25519ExtendedPublicKey;
import io.openwaas.crypto.hd.ExtendedPrivateKey;
import io.openwaas.crypto.hd.ExtendedPublicKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigInteger;

/**
 * Derive 1000 children {@code m/<account>/0..999} from an extended public key and encode their addresses, on one
 * thread (what wallet-service does when it creates addresses without any TSS round).
 */
@State(Scope.Thread)
public class AddressBenchmark {

    static final int COUNT = 1000;

    private ExtendedPublicKey xpub;
    private Ed25519ExtendedPublicKey cpub;

    @Setup
    public void setup() {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (i * 7 + 1);
        }
        try (ExtendedPrivateKey root = ExtendedPrivateKey.fromSeed(seed, Bip32Version.XPUB)) {
            xpub = root.derive(io.openwaas.crypto.hd.DerivationPath.parse("m/84'/0'/0'/0")).neuter();
        }
        byte[] chain = new byte[32];
        chain[0] = 42;
        cpub = Ed25519ExtendedPublicKey.root(Ed25519Group.GROUP.mulBase(new BigInteger("123456789123456789")), chain);
    }

    @Benchmark
    public void p2wpkh1000(Blackhole bh) {
        for (int i = 0; i < COUNT; i++) {
            bh.consume(Addresses.p2wpkh(BitcoinNetwork.MAINNET, xpub.derive(i).publicKey()));
        }
    }

    @Benchmark
    public void p2tr1000(Blackhole bh) {
        for (int i = 0; i < COUNT; i++) {
            bh.consume(Addresses.p2tr(BitcoinNetwork.MAINNET, xpub.derive(i).publicKey()));
        }
    }

    @Benchmark
    public void evm1000(Blackhole bh) {
        for (int i = 0; i < COUNT; i++) {
            bh.consume(Addresses.of("ETH", AddressEncoding.DEFAULT, xpub.derive(i).publicKey()));
        }
    }

    @Benchmark
    public void sol1000(Blackhole bh) {
        for (int i = 0; i < COUNT; i++) {
            bh.consume(Addresses.of("SOL", AddressEncoding.DEFAULT, cpub.derive(i).publicKey()));
        }
    }
}
