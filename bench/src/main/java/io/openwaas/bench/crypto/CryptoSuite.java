package io.openwaas.bench.crypto;

import io.openwaas.bench.BenchSuite;
import io.openwaas.bench.Jmh;
import io.openwaas.bench.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/waas bench crypto [quick]}: address derivation (1000 children from an extended public key, one thread) and
 * single-party signing against BouncyCastle baselines (issue 3).
 */
public class CryptoSuite implements BenchSuite {

    @Override
    public String name() {
        return "crypto";
    }

    @Override
    public List<Metric> run(List<String> args) throws Exception {
        boolean quick = args.contains("quick") || args.contains("--quick");
        Map<String, Double> us = Jmh.run("io\\.openwaas\\.bench\\.crypto\\..*Benchmark\\..*", quick);
        List<Metric> out = new ArrayList<>();
        out.add(Metric.of("crypto.address.1000.p2wpkh_ms", us.get("p2wpkh1000") / 1000.0, "ms"));
        out.add(Metric.of("crypto.address.1000.p2tr_ms", us.get("p2tr1000") / 1000.0, "ms"));
        out.add(Metric.of("crypto.address.1000.evm_ms", us.get("evm1000") / 1000.0, "ms"));
        out.add(Metric.of("crypto.address.1000.sol_ms", us.get("sol1000") / 1000.0, "ms"));
        out.add(Metric.of("crypto.ecdsa.sign_us", us.get("ecdsaSign"), "us"));
        out.add(Metric.of("crypto.bip340.sign_us", us.get("bip340Sign"), "us"));
        out.add(Metric.of("crypto.ed25519.sign_us", us.get("ed25519Sign"), "us"));
        // BouncyCastle has no BIP-340 signer: its ECDSA signer (same group, same k·G comb) is the BIP-340 baseline
        out.add(Metric.of("crypto.baseline.ecdsa.sign_us", us.get("baselineEcdsaSign"), "us"));
        out.add(Metric.of("crypto.baseline.bip340.sign_us", us.get("baselineEcdsaSign"), "us"));
        out.add(Metric.of("crypto.baseline.ed25519.sign_us", us.get("baselineEd25519Sign"), "us"));
        return out;
    }
}
