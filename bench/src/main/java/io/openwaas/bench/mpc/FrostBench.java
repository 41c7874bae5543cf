package io.openwaas.bench.mpc;

import io.openwaas.bench.Metric;
import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.dkg.InProcessDkg;
import io.openwaas.mpc.dkg.KeyShare;
import io.openwaas.mpc.frost.FrostScheme;
import io.openwaas.mpc.frost.InProcessFrost;
import io.openwaas.mpc.frost.SigningRequest;
import io.openwaas.mpc.reshare.InProcessReshare;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * DKG, FROST and reshare metrics (total CPU of all parties, in-process, messages encoded and decoded as on the
 * wire), plus the single-party BouncyCastle baselines the ratios refer to. Each figure is the median CPU time of the
 * calling thread (all parties run on it) over the measured iterations, after a warm-up. In the FROST runs the
 * aggregator is co-located with the first signer (RFC 9591 allows the coordinator to be a signer) and reuses the
 * commitments that signer decoded and the binding factors it computed.
 *
 * <ul>
 *   <li>{@code mpc.frost.ed25519.2of3.sign_ms}, {@code mpc.frost.bip340.2of3.sign_ms}: one 2-of-3 signature — both
 *       signers' round 1 and round 2, and aggregation with verification;</li>
 *   <li>{@code mpc.dkg.2of3.secp256k1_ms}, {@code mpc.dkg.2of3.ed25519_ms}: a whole 2-of-3 DKG, all three parties;</li>
 *   <li>{@code mpc.reshare.2of3_ms} (secp256k1) and {@code mpc.reshare.2of3.ed25519_ms}: 2-of-3 → 2-of-3 with two
 *       dealers, all parties;</li>
 *   <li>{@code mpc.baseline.ecdsa.sign_ms} (BouncyCastle ECDSASigner, RFC 6979, secp256k1),
 *       {@code mpc.baseline.ed25519.sign_ms} (BouncyCastle RFC 8032), and the ratios FROST / baseline.</li>
 * </ul>
 */
public class FrostBench implements ProtocolBench {

    static final byte[] MSG = "benchmark message 0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final List<PartyId> IDS = List.of(PartyId.of(1), PartyId.of(2), PartyId.of(3));

    @Override
    public List<Metric> run(boolean quick) throws Exception {
        // Enough warm-up for C2 to compile the field arithmetic (a few thousand operations).
        int signWarm = quick ? 50 : 2500;
        int signIter = quick ? 50 : 1000;
        int heavyWarm = quick ? 10 : 300;
        int heavyIter = quick ? 10 : 200;
        List<Metric> out = new ArrayList<>();

        Map<PartyId, KeyShare> ed = InProcessDkg.run(Ed25519Group.GROUP, 2, IDS);
        Map<PartyId, KeyShare> k1 = InProcessDkg.run(Secp256k1.GROUP, 2, IDS);
        List<PartyId> pair = List.of(PartyId.of(1), PartyId.of(3));
        double frostEd = CpuTimer.medianMillis(() -> InProcessFrost.sign(ed,
                SigningRequest.of(FrostScheme.ED25519, SessionId.random(), pair, MSG)), signWarm, signIter);
        double frostBip = CpuTimer.medianMillis(() -> InProcessFrost.sign(k1,
                SigningRequest.of(FrostScheme.BIP340, SessionId.random(), pair, MSG)), signWarm, signIter);
        out.add(Metric.of("mpc.frost.ed25519.2of3.sign_ms", frostEd, "ms"));
        out.add(Metric.of("mpc.frost.bip340.2of3.sign_ms", frostBip, "ms"));

        out.add(Metric.of("mpc.dkg.2of3.secp256k1_ms", dkg(Secp256k1.GROUP, heavyWarm, heavyIter), "ms"));
        out.add(Metric.of("mpc.dkg.2of3.ed25519_ms", dkg(Ed25519Group.GROUP, heavyWarm, heavyIter), "ms"));
        List<PartyId> dealers = List.of(PartyId.of(1), PartyId.of(2));
        out.add(Metric.of("mpc.reshare.2of3_ms", CpuTimer.medianMillis(() -> InProcessReshare.run(k1, dealers, 2, IDS),
                heavyWarm, heavyIter), "ms"));
        out.add(Metric.of("mpc.reshare.2of3.ed25519_ms", CpuTimer.medianMillis(() -> InProcessReshare.run(ed, dealers,
                2, IDS), heavyWarm, heavyIter), "ms"));

        double ecdsa = baselineEcdsa(signWarm * 2, signIter * 2);
        double ed25519 = baselineEd25519(signWarm * 2, signIter * 2);
        out.add(Metric.of("mpc.baseline.ecdsa.sign_ms", ecdsa, "ms"));
        out.add(Metric.of("mpc.baseline.ed25519.sign_ms", ed25519, "ms"));
        out.add(Metric.of("mpc.frost.ed25519.2of3.ratio", frostEd / ed25519, "x"));
        out.add(Metric.of("mpc.frost.bip340.2of3.ratio_to_ecdsa", frostBip / ecdsa, "x"));
        return out;
    }

    static double dkg(EcGroup g, int warm, int iter) throws Exception {
        return CpuTimer.medianMillis(() -> InProcessDkg.run(g, 2, IDS), warm, iter);
    }

    static double baselineEcdsa(int warm, int iter) throws Exception {
        X9ECParameters p = CustomNamedCurves.getByName("secp256k1");
        ECDomainParameters dom = new ECDomainParameters(p.getCurve(), p.getG(), p.getN(), p.getH());
        BigInteger d = new BigInteger(255, new SecureRandom()).add(BigInteger.ONE);
        byte[] hash = new byte[32];
        new SecureRandom().nextBytes(hash);
        return CpuTimer.medianMillis(() -> {
            ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            s.init(true, new ECPrivateKeyParameters(d, dom));
            return s.generateSignature(hash);
        }, warm, iter);
    }

    static double baselineEd25519(int warm, int iter) throws Exception {
        byte[] sk = new byte[32];
        new SecureRandom().nextBytes(sk);
        return CpuTimer.medianMillis(() -> {
            byte[] sig = new byte[64];
            org.bouncycastle.math.ec.rfc8032.Ed25519.sign(sk, 0, MSG, 0, MSG.length, sig, 0);
            return sig;
        }, warm, iter);
    }
}
