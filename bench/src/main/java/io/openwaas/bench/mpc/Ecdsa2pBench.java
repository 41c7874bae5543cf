package io.openwaas.bench.mpc;

import io.openwaas.bench.Metric;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.dkg.InProcessDkg;
import io.openwaas.mpc.dkg.KeyShare;
import io.openwaas.mpc.ecdsa2p.InProcessEcdsa2p;
import io.openwaas.mpc.ecdsa2p.SignContext;
import io.openwaas.mpc.ecdsa2p.TwoOfThreeShare;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import io.openwaas.mpc.paillier.PaillierPublicKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * Two-party ECDSA and Paillier metrics of {@code bin/waas bench mpc} (total CPU time of both parties on one thread,
 * in-process, every message encoded and decoded as on the wire; median of the measured iterations):
 *
 * <ul>
 *   <li>{@code mpc.ecdsa2p.sign_ms}: one signature, global-abort mode (4 messages, final verification);</li>
 *   <li>{@code mpc.ecdsa2p.sign_proved_ms}: one signature with P2's last message proven (Π^aff-R);</li>
 *   <li>{@code mpc.ecdsa2p.sign_online_ms}, {@code mpc.ecdsa2p.sign_proved_online_ms}: the same with P2's Paillier
 *       randomness {@code (r, r^N)} taken from a {@code PaillierNoisePool} filled before timing (offline/online split;
 *       the pool's cost is one {@code r^N mod N²} per value, see {@code mpc.paillier.encrypt_ms} — moved off the
 *       online path, not saved);</li>
 *   <li>{@code mpc.ecdsa2p.aux_setup_ms}: the one-time auxiliary setup of a party pair ({@code AuxSetup}: each
 *       party makes ring-Pedersen parameters with Π^prm on its own pre-generated Paillier–Blum modulus and verifies
 *       the other's) — done once per pair and persisted, not per key;</li>
 *   <li>{@code mpc.ecdsa2p.keygen_ms}: 2-of-2 key generation with verified aux setups available (made before the
 *       timing, as tss-service has them cached) and P1's Paillier key taken from a pre-generated pool (the pool
 *       issue 4 allows); every per-key proof — DL proofs, Π^mod, Π^fac, Π^log* — is computed and verified inside
 *       the timing;</li>
 *   <li>{@code mpc.ecdsa2p.keygen_cold_ms}: the same including the generation of P1's 2048-bit Paillier key (aux
 *       setups still cached);</li>
 *   <li>{@code mpc.ecdsa2p.2of3.setup_ms}: the three pairwise setups of a 2-of-3 key (aux setups of the three
 *       holders cached, pooled Paillier keys, DKG excluded: it is {@code mpc.dkg.2of3.secp256k1_ms});</li>
 *   <li>{@code mpc.ecdsa2p.2of3.sign_ms}: one signature by holders 2 and 3 of a 2-of-3 key;</li>
 *   <li>{@code mpc.paillier.keygen_ms}, {@code mpc.paillier.encrypt_ms}, {@code mpc.paillier.decrypt_ms} (2048-bit);</li>
 *   <li>{@code mpc.ecdsa2p.sign.ratio}: {@code sign_ms} over a single-party BouncyCastle secp256k1 signature
 *       measured in the same run.</li>
 * </ul>
 */
public class Ecdsa2pBench implements ProtocolBench {

    private final SecureRandom rnd = new SecureRandom();

    @Override
    public List<Metric> run(boolean quick) throws Exception {
        int signWarm = quick ? 5 : 30;
        int signIter = quick ? 10 : 50;
        int keygenWarm = quick ? 1 : 2;
        int keygenIter = quick ? 2 : 5;
        List<Metric> out = new ArrayList<>();
        PartyId p1 = PartyId.of(1);
        PartyId p2 = PartyId.of(2);
        PartyId p3 = PartyId.of(3);
        // pool: generated before any timing starts. Keys 0–2: P1 Paillier keys; 3–5: aux (ring-Pedersen) moduli of
        // holders 1–3, never used as Paillier keys
        List<PaillierPrivateKey> pool = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pool.add(PaillierPrivateKey.random(PaillierPublicKey.MIN_MODULUS_BITS, rnd));
        }
        List<PaillierPrivateKey> paillierPool = pool.subList(0, 3);
        InProcessEcdsa2p harness = new InProcessEcdsa2p();
        double auxSetup = CpuTimer.medianMillis(() -> harness.auxSetup(SessionId.random(), Map.of(p1, pool.get(3),
                p2, pool.get(4))), keygenWarm, keygenIter);
        // the aux setups tss-service would have cached: one setup session among the three holders
        Map<PartyId, InProcessEcdsa2p.AuxState> aux = harness.auxSetup(SessionId.random(), Map.of(p1, pool.get(3),
                p2, pool.get(4), p3, pool.get(5)));
        InProcessEcdsa2p.KeyPair key = harness.keygen(SessionId.random(), p1, p2, pool.get(0), aux.get(p1),
                aux.get(p2));
        byte[] hash = new byte[32];
        rnd.nextBytes(hash);

        double sign = CpuTimer.medianMillis(() -> harness.sign(key.p1(), key.p2(),
                SignContext.of(SessionId.random(), hash, SignContext.Mode.GLOBAL_ABORT)), signWarm, signIter);
        double proved = CpuTimer.medianMillis(() -> harness.sign(key.p1(), key.p2(),
                SignContext.of(SessionId.random(), hash, SignContext.Mode.PROVED)), signWarm, signIter);
        // the offline pool tss-service would refill in the background; filled before timing
        io.openwaas.mpc.paillier.PaillierNoisePool noise = new io.openwaas.mpc.paillier.PaillierNoisePool(
                key.p2().peerPaillier(), 3 * (signWarm + signIter), rnd);
        noise.refill();
        double signOnline = CpuTimer.medianMillis(() -> harness.sign(key.p1(), key.p2(),
                SignContext.of(SessionId.random(), hash, SignContext.Mode.GLOBAL_ABORT), noise), signWarm,
                signIter);
        double provedOnline = CpuTimer.medianMillis(() -> harness.sign(key.p1(), key.p2(),
                SignContext.of(SessionId.random(), hash, SignContext.Mode.PROVED), noise), signWarm,
                signIter);
        double keygen = CpuTimer.medianMillis(() -> harness.keygen(SessionId.random(), p1, p2, pool.get(0),
                aux.get(p1), aux.get(p2)), keygenWarm, keygenIter);
        double cold = CpuTimer.medianMillis(() -> harness.keygen(SessionId.random(), p1, p2,
                PaillierPrivateKey.random(PaillierPublicKey.MIN_MODULUS_BITS, rnd), aux.get(p1), aux.get(p2)),
                keygenWarm, keygenIter);
        out.add(Metric.of("mpc.ecdsa2p.sign_ms", sign, "ms"));
        out.add(Metric.of("mpc.ecdsa2p.sign_proved_ms", proved, "ms"));
        out.add(Metric.of("mpc.ecdsa2p.sign_online_ms", signOnline, "ms"));
        out.add(Metric.of("mpc.ecdsa2p.sign_proved_online_ms", provedOnline, "ms"));
        out.add(Metric.of("mpc.ecdsa2p.aux_setup_ms", auxSetup, "ms"));
        out.add(Metric.of("mpc.ecdsa2p.keygen_ms", keygen, "ms"));
        out.add(Metric.of("mpc.ecdsa2p.keygen_cold_ms", cold, "ms"));

        List<PartyId> ids = List.of(p1, p2, p3);
        Map<PartyId, KeyShare> dkg = InProcessDkg.run(Secp256k1.GROUP, 2, ids);
        double setup = CpuTimer.medianMillis(() -> harness.setupTwoOfThree(SessionId.random(), dkg,
                cycle(paillierPool), aux), keygenWarm, keygenIter);
        Map<PartyId, TwoOfThreeShare> three = harness.setupTwoOfThree(SessionId.random(), dkg, cycle(paillierPool),
                aux);
        double sign23 = CpuTimer.medianMillis(() -> harness.signTwoOfThree(three.get(ids.get(1)), three.get(ids.get(2)),
                SignContext.of(SessionId.random(), hash, SignContext.Mode.GLOBAL_ABORT)), signWarm, signIter);
        out.add(Metric.of("mpc.ecdsa2p.2of3.setup_ms", setup, "ms"));
        out.add(Metric.of("mpc.ecdsa2p.2of3.sign_ms", sign23, "ms"));

        PaillierPrivateKey sk = pool.get(2);
        BigInteger m = new BigInteger(256, rnd);
        out.add(Metric.of("mpc.paillier.keygen_ms", CpuTimer.medianMillis(() -> PaillierPrivateKey.random(
                PaillierPublicKey.MIN_MODULUS_BITS, rnd), keygenWarm, keygenIter * 2), "ms"));
        out.add(Metric.of("mpc.paillier.encrypt_ms", CpuTimer.medianMillis(() -> sk.publicKey().encrypt(m),
                signWarm, signIter), "ms"));
        BigInteger c = sk.publicKey().encrypt(m);
        out.add(Metric.of("mpc.paillier.decrypt_ms", CpuTimer.medianMillis(() -> sk.decrypt(c), signWarm, signIter),
                "ms"));
        out.add(Metric.of("mpc.ecdsa2p.sign.ratio", sign / baselineEcdsa(signWarm * 20, signIter * 20), "x"));
        return out;
    }

    private static Supplier<PaillierPrivateKey> cycle(List<PaillierPrivateKey> pool) {
        AtomicInteger i = new AtomicInteger();
        return () -> pool.get(i.getAndIncrement() % pool.size());
    }

    private double baselineEcdsa(int warm, int iter) throws Exception {
        ECDomainParameters dom = new ECDomainParameters(Secp256k1.PARAMS);
        BigInteger d = Secp256k1.GROUP.randomScalar(rnd);
        byte[] hash = new byte[32];
        rnd.nextBytes(hash);
        return CpuTimer.medianMillis(() -> {
            ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            s.init(true, new ECPrivateKeyParameters(d, dom));
            return s.generateSignature(hash);
        }, warm, iter);
    }
}
