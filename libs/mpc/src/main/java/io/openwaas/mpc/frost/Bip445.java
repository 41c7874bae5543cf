package io.openwaas.mpc.frost;

import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.mpc.common.Bytes;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * The algorithms of the draft BIP 445 "FROST Signing Protocol for BIP340 Signatures" (siv2r/bip-frost-signing,
 * vectors {@code 3271fc8}), written from the specification: signers context validation, tweaking
 * (BIP-327-style {@code gacc}/{@code tacc} accumulators: plain and x-only tweaks), {@code NonceGen},
 * {@code NonceAgg}, the session values (single nonce coefficient {@code b} over the sorted signer ids, the
 * aggregate nonce, the tweaked x-only key and the message; even-Y rules for {@code R} and {@code Q}),
 * {@code Sign}, {@code DeterministicSign}, {@code PartialSigVerify} and {@code PartialSigAgg}.
 *
 * <p>Identifiers are the draft's 0-based {@code u32} ids; the Shamir evaluation point is {@code id + 1}. The
 * protocol layer maps a {@link io.openwaas.mpc.common.PartyId} {@code p} to id {@code p − 1}.
 *
 * <p>Errors: {@link IllegalArgumentException} for the draft's {@code ValueError} (bad local input), and
 * {@link InvalidContribution} when a named signer (or the coordinator, index −1) sent an invalid value.
 */
public final class Bip445 {

    static final String TAG_AUX = "BIP0445/aux";
    static final String TAG_NONCE = "BIP0445/nonce";
    static final String TAG_NONCECOEF = "BIP0445/noncecoef";
    static final String TAG_DET_NONCE = "BIP0445/deterministic/nonce";
    static final String TAG_CHALLENGE = "BIP0340/challenge";

    private static final Secp256k1 G = Secp256k1.GROUP;
    private static final BigInteger N = Secp256k1.N;

    private Bip445() {
    }

    /** A signer (index into the case's signer list, −1 for the coordinator) sent an invalid contribution. */
    public static final class InvalidContribution extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int signerIndex;
        private final String contribution;

        public InvalidContribution(int signerIndex, String contribution) {
            super("invalid " + contribution + " from " + (signerIndex < 0 ? "coordinator" : "signer #" + signerIndex));
            this.signerIndex = signerIndex;
            this.contribution = contribution;
        }

        public int signerIndex() {
            return signerIndex;
        }

        public String contribution() {
            return contribution;
        }
    }

    /** The signers context: {@code n}, {@code t}, the signing ids, their public shares and the threshold key. */
    public record SignersContext(int n, int t, List<Long> ids, List<byte[]> pubshares, byte[] threshPk) {
    }

    /** BIP-327-style tweak accumulator: tweaked key {@code Q}, sign accumulator {@code gacc}, tweak {@code tacc}. */
    public record TweakContext(Secp256k1Point q, BigInteger gacc, BigInteger tacc) {
    }

    /** Values shared by signing, partial verification and aggregation. */
    public record SessionValues(Secp256k1Point q, BigInteger gacc, BigInteger tacc, List<Long> ids,
                                List<byte[]> pubshares, BigInteger b, Secp256k1Point r, BigInteger e) {
    }

    static Secp256k1Point decodeCompressed(byte[] b) {
        if (b == null || b.length != 33) {
            throw new IllegalArgumentException("point must be 33 bytes");
        }
        return G.decode(b);
    }

    static Secp256k1Point decodeWithInfinity(byte[] b) {
        if (b.length == 33 && Arrays.equals(b, new byte[33])) {
            return G.identity();
        }
        return decodeCompressed(b);
    }

    static byte[] encodeWithInfinity(Secp256k1Point p) {
        return p.isIdentity() ? new byte[33] : p.encode();
    }

    /** Lagrange coefficient at 0 for 0-based ids (evaluation points {@code id + 1}). */
    public static BigInteger interpolatingValue(List<Long> ids, long myId) {
        if (!ids.contains(myId) || new HashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException("bad id list");
        }
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        for (long id : ids) {
            if (id == myId) {
                continue;
            }
            num = num.multiply(BigInteger.valueOf(id + 1)).mod(N);
            den = den.multiply(BigInteger.valueOf(id - myId)).mod(N);
        }
        return num.multiply(den.modInverse(N)).mod(N);
    }

    static byte[] deriveThreshPubkey(List<Long> ids, List<Secp256k1Point> pubshares) {
        Secp256k1Point q = G.identity();
        for (int i = 0; i < ids.size(); i++) {
            q = q.add(pubshares.get(i).multiply(interpolatingValue(ids, ids.get(i))));
        }
        if (q.isIdentity()) {
            throw new IllegalArgumentException("threshold key is infinity");
        }
        return q.encode();
    }

    /** {@code ValidateSignersCtx}. */
    public static void validateSignersContext(SignersContext ctx) {
        if (ctx.t() < 1 || ctx.t() > ctx.n()) {
            throw new IllegalArgumentException("The threshold must be 1 <= t <= n.");
        }
        if (ctx.ids().size() < ctx.t() || ctx.ids().size() > ctx.n()) {
            throw new IllegalArgumentException("The number of signers must be between t and n.");
        }
        if (ctx.pubshares().size() != ctx.ids().size()) {
            throw new IllegalArgumentException("The pubshares and ids arrays must have the same length.");
        }
        List<Secp256k1Point> points = new ArrayList<>();
        for (int idx = 0; idx < ctx.ids().size(); idx++) {
            long id = ctx.ids().get(idx);
            if (id < 0 || id > ctx.n() - 1) {
                throw new IllegalArgumentException("The participant identifier at index " + idx + " is out of range.");
            }
            try {
                points.add(decodeCompressed(ctx.pubshares().get(idx)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid pubshare at index " + idx + ".");
            }
        }
        if (new HashSet<>(ctx.ids()).size() != ctx.ids().size()) {
            throw new IllegalArgumentException("The participant identifier list contains duplicate elements.");
        }
        if (!Arrays.equals(deriveThreshPubkey(ctx.ids(), points), ctx.threshPk())) {
            throw new IllegalArgumentException("The provided key material is incorrect.");
        }
    }

    /** {@code ApplyTweak}. */
    public static TweakContext applyTweak(TweakContext ctx, byte[] tweak, boolean xonly) {
        if (tweak.length != 32) {
            throw new IllegalArgumentException("The tweak must be a 32-byte array.");
        }
        BigInteger g = xonly && !ctx.q().hasEvenY() ? N.subtract(BigInteger.ONE) : BigInteger.ONE;
        BigInteger t = new BigInteger(1, tweak);
        if (t.compareTo(N) >= 0) {
            throw new IllegalArgumentException("The tweak value is out of range.");
        }
        Secp256k1Point q = ctx.q().multiply(g).add(G.generator().multiply(t)); // public tweak: variable-time
        if (q.isIdentity()) {
            throw new IllegalArgumentException("The result of tweaking cannot be infinity.");
        }
        return new TweakContext(q, g.multiply(ctx.gacc()).mod(N), t.add(g.multiply(ctx.tacc())).mod(N));
    }

    /** {@code ThreshPubkeyAndTweak}. */
    public static TweakContext tweak(byte[] threshPk, List<byte[]> tweaks, List<Boolean> xonly) {
        if (tweaks.size() != xonly.size()) {
            throw new IllegalArgumentException("The tweaks and is_xonly arrays must have the same length.");
        }
        TweakContext ctx = new TweakContext(decodeCompressed(threshPk), BigInteger.ONE, BigInteger.ZERO);
        for (int i = 0; i < tweaks.size(); i++) {
            ctx = applyTweak(ctx, tweaks.get(i), xonly.get(i));
        }
        return ctx;
    }

    private static byte[] nonceHash(byte[] rand, byte[] pubshare, byte[] threshPk, int i, byte[] msgPrefixed,
                                    byte[] extraIn) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(rand);
        b.write(pubshare.length);
        b.writeBytes(pubshare);
        b.write(threshPk.length);
        b.writeBytes(threshPk);
        b.writeBytes(msgPrefixed);
        b.writeBytes(Bytes.fixed(BigInteger.valueOf(extraIn.length), 4));
        b.writeBytes(extraIn);
        b.write(i);
        return Hashes.tagged(TAG_NONCE, b.toByteArray());
    }

    /** Secret nonce pair and public nonce. */
    public record Nonce(BigInteger k1, BigInteger k2, byte[] pubnonce) {
        @Override
        public String toString() {
            return "Nonce[secret redacted]";
        }
    }

    /**
     * {@code NonceGenInternal} with caller-supplied 32 random bytes, secret part only ({@code pubnonce} is null; the
     * caller computes the commitments); optional inputs may be {@code null}.
     */
    static Nonce nonceGenSecret(byte[] rand32, byte[] secshare, byte[] pubshare, byte[] threshPkXonly, byte[] msg,
                                 byte[] extraIn) {
        byte[] rand = secshare == null ? rand32 : xor(secshare, Hashes.tagged(TAG_AUX, rand32));
        byte[] msgPrefixed;
        if (msg == null) {
            msgPrefixed = new byte[] {0};
        } else {
            msgPrefixed = Bytes.concat(new byte[] {1}, Bytes.fixed(BigInteger.valueOf(msg.length), 8), msg);
        }
        byte[] ps = pubshare == null ? new byte[0] : pubshare;
        byte[] tp = threshPkXonly == null ? new byte[0] : threshPkXonly;
        byte[] ex = extraIn == null ? new byte[0] : extraIn;
        BigInteger k1 = new BigInteger(1, nonceHash(rand, ps, tp, 0, msgPrefixed, ex)).mod(N);
        BigInteger k2 = new BigInteger(1, nonceHash(rand, ps, tp, 1, msgPrefixed, ex)).mod(N);
        if (k1.signum() == 0 || k2.signum() == 0) {
            throw new IllegalStateException("zero nonce");
        }
        return new Nonce(k1, k2, null);
    }

    /** {@code NonceGenInternal} including the public nonce. */
    public static Nonce nonceGen(byte[] rand32, byte[] secshare, byte[] pubshare, byte[] threshPkXonly, byte[] msg,
                                 byte[] extraIn) {
        Nonce n = nonceGenSecret(rand32, secshare, pubshare, threshPkXonly, msg, extraIn);
        return new Nonce(n.k1(), n.k2(), Bytes.concat(G.mulBase(n.k1()).encode(), G.mulBase(n.k2()).encode()));
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] o = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = (byte) (a[i] ^ b[i]);
        }
        return o;
    }

    /** {@code NonceAgg}: blames the first signer whose public nonce does not decode. */
    public static byte[] nonceAgg(List<byte[]> pubnonces) {
        byte[] out = new byte[66];
        for (int j = 0; j < 2; j++) {
            Secp256k1Point r = G.identity();
            for (int idx = 0; idx < pubnonces.size(); idx++) {
                byte[] pn = pubnonces.get(idx);
                try {
                    if (pn.length != 66) {
                        throw new IllegalArgumentException("length");
                    }
                    r = r.add(decodeCompressed(Arrays.copyOfRange(pn, j * 33, j * 33 + 33)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidContribution(idx, "pubnonce");
                }
            }
            System.arraycopy(encodeWithInfinity(r), 0, out, j * 33, 33);
        }
        return out;
    }

    static byte[] serializeIds(List<Long> ids) {
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (long id : sorted) {
            b.writeBytes(Bytes.fixed(BigInteger.valueOf(id), 4));
        }
        return b.toByteArray();
    }

    /** {@code GetSessionValues}. */
    public static SessionValues sessionValues(byte[] aggnonce, SignersContext ctx, List<byte[]> tweaks,
                                              List<Boolean> xonly, byte[] msg) {
        validateSignersContext(ctx);
        return sessionValuesUnchecked(aggnonce, ctx, tweak(ctx.threshPk(), tweaks, xonly), msg);
    }

    /**
     * {@code GetSessionValues} without {@code ValidateSignersCtx}, for callers whose signers context comes from an
     * already validated {@link io.openwaas.mpc.dkg.GroupKey} (whose verification shares were checked to interpolate
     * to the group key when it was built or parsed).
     */
    static SessionValues sessionValuesUnchecked(byte[] aggnonce, SignersContext ctx, TweakContext tc, byte[] msg) {
        Secp256k1Point r1;
        Secp256k1Point r2;
        try {
            if (aggnonce.length != 66) {
                throw new IllegalArgumentException("length");
            }
            r1 = decodeWithInfinity(Arrays.copyOfRange(aggnonce, 0, 33));
            r2 = decodeWithInfinity(Arrays.copyOfRange(aggnonce, 33, 66));
        } catch (IllegalArgumentException e) {
            throw new InvalidContribution(-1, "aggnonce");
        }
        return sessionValuesFromPoints(aggnonce, r1, r2, ctx, tc, msg);
    }

    /** As {@link #sessionValuesUnchecked}, with the aggregate nonce already as points (no re-decoding). */
    static SessionValues sessionValuesFromPoints(byte[] aggnonce, Secp256k1Point r1, Secp256k1Point r2,
                                                 SignersContext ctx, TweakContext tc, byte[] msg) {
        byte[] qx = tc.q().xOnly();
        BigInteger b = new BigInteger(1, Hashes.tagged(TAG_NONCECOEF, serializeIds(ctx.ids()), aggnonce, qx, msg))
                .mod(N);
        Secp256k1Point rr = r1.add(r2.multiply(b));
        Secp256k1Point r = rr.isIdentity() ? G.generator() : rr;
        BigInteger e = new BigInteger(1, Hashes.tagged(TAG_CHALLENGE, r.xOnly(), qx, msg)).mod(N);
        return new SessionValues(tc.q(), tc.gacc(), tc.tacc(), ctx.ids(), ctx.pubshares(), b, r, e);
    }

    /** {@code NonceAgg} over already decoded public nonces: the two sums as points and their 66-byte encoding. */
    static Object[] nonceAggPoints(List<Secp256k1Point> r1s, List<Secp256k1Point> r2s) {
        Secp256k1Point r1 = G.identity();
        Secp256k1Point r2 = G.identity();
        for (Secp256k1Point p : r1s) {
            r1 = r1.add(p);
        }
        for (Secp256k1Point p : r2s) {
            r2 = r2.add(p);
        }
        return new Object[] {Bytes.concat(encodeWithInfinity(r1), encodeWithInfinity(r2)), r1, r2};
    }

    /** {@code ThreshPubkeyAndTweak} from an already decoded threshold key. */
    static TweakContext tweak(Secp256k1Point threshPk, List<byte[]> tweaks, List<Boolean> xonly) {
        if (tweaks.size() != xonly.size()) {
            throw new IllegalArgumentException("The tweaks and is_xonly arrays must have the same length.");
        }
        TweakContext ctx = new TweakContext(threshPk, BigInteger.ONE, BigInteger.ZERO);
        for (int i = 0; i < tweaks.size(); i++) {
            ctx = applyTweak(ctx, tweaks.get(i), xonly.get(i));
        }
        return ctx;
    }

    private static boolean containsBytes(List<byte[]> l, byte[] x) {
        for (byte[] y : l) {
            if (Arrays.equals(x, y)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code Sign}. {@code secnonce} (64 bytes) is overwritten with zeros before the partial signature is computed, so
     * a second call with the same array fails.
     */
    public static byte[] sign(byte[] secnonce, byte[] secshare, long myId, byte[] aggnonce, SignersContext ctx,
                              List<byte[]> tweaks, List<Boolean> xonly, byte[] msg) {
        SessionValues sv = sessionValues(aggnonce, ctx, tweaks, xonly, msg);
        BigInteger k1p = new BigInteger(1, Arrays.copyOfRange(secnonce, 0, 32));
        BigInteger k2p = new BigInteger(1, Arrays.copyOfRange(secnonce, 32, 64));
        if (k1p.signum() == 0 || k1p.compareTo(N) >= 0) {
            throw new IllegalArgumentException("first secnonce value is out of range.");
        }
        if (k2p.signum() == 0 || k2p.compareTo(N) >= 0) {
            throw new IllegalArgumentException("second secnonce value is out of range.");
        }
        Arrays.fill(secnonce, (byte) 0);
        BigInteger d = new BigInteger(1, secshare);
        if (secshare.length != 32 || d.signum() == 0 || d.compareTo(N) >= 0) {
            throw new IllegalArgumentException("The signer's secret share value is out of range.");
        }
        byte[] myPubshare = G.mulBase(d).encode();
        if (!containsBytes(sv.pubshares(), myPubshare)) {
            throw new IllegalArgumentException("The signer's pubshare must be included in the list of pubshares.");
        }
        if (!sv.ids().contains(myId)) {
            throw new IllegalArgumentException("The signer's id must be present in the participant identifier list.");
        }
        byte[] psig = signCore(sv, k1p, k2p, d, myId);
        byte[] pubnonce = Bytes.concat(G.mulBase(k1p).encode(), G.mulBase(k2p).encode());
        if (!partialSigVerifyInternal(psig, myId, pubnonce, myPubshare, sv)) {
            throw new IllegalStateException("own partial signature does not verify");
        }
        return psig;
    }

    /** The arithmetic of {@code Sign}: {@code s = k1 + b·k2 + e·λ·g·gacc·d} with the even-Y negations. */
    static byte[] signCore(SessionValues sv, BigInteger k1p, BigInteger k2p, BigInteger dp, long myId) {
        boolean rEven = sv.r().hasEvenY();
        BigInteger k1 = rEven ? k1p : N.subtract(k1p);
        BigInteger k2 = rEven ? k2p : N.subtract(k2p);
        BigInteger a = interpolatingValue(sv.ids(), myId);
        BigInteger g = sv.q().hasEvenY() ? BigInteger.ONE : N.subtract(BigInteger.ONE);
        BigInteger d = g.multiply(sv.gacc()).multiply(dp).mod(N);
        BigInteger s = k1.add(sv.b().multiply(k2)).add(sv.e().multiply(a).multiply(d)).mod(N);
        return Bytes.fixed(s, 32);
    }

    /** {@code PartialSigVerifyInternal}. */
    public static boolean partialSigVerifyInternal(byte[] psig, long myId, byte[] pubnonce, byte[] pubshare,
                                                   SessionValues sv) {
        BigInteger s = new BigInteger(1, psig);
        if (psig.length != 32 || s.compareTo(N) >= 0) {
            return false;
        }
        if (!containsBytes(sv.pubshares(), pubshare) || !sv.ids().contains(myId)) {
            return false;
        }
        Secp256k1Point r1;
        Secp256k1Point r2;
        Secp256k1Point p;
        try {
            r1 = decodeCompressed(Arrays.copyOfRange(pubnonce, 0, 33));
            r2 = decodeCompressed(Arrays.copyOfRange(pubnonce, 33, 66));
            p = decodeCompressed(pubshare);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
        Secp256k1Point re = r1.add(r2.multiply(sv.b()));
        if (!sv.r().hasEvenY()) {
            re = re.negate();
        }
        BigInteger a = interpolatingValue(sv.ids(), myId);
        BigInteger g = sv.q().hasEvenY() ? BigInteger.ONE : N.subtract(BigInteger.ONE);
        BigInteger coef = sv.e().multiply(a).multiply(g).multiply(sv.gacc()).mod(N);
        return G.generator().multiply(s).equals(re.add(p.multiply(coef))); // public values
    }

    /** {@code PartialSigVerify}. */
    public static boolean partialSigVerify(byte[] psig, List<byte[]> pubnonces, SignersContext ctx,
                                           List<byte[]> tweaks, List<Boolean> xonly, byte[] msg, int i) {
        validateSignersContext(ctx);
        if (pubnonces.size() != ctx.ids().size()) {
            throw new IllegalArgumentException("The pubnonces and ids arrays must have the same length.");
        }
        if (tweaks.size() != xonly.size()) {
            throw new IllegalArgumentException("The tweaks and is_xonly arrays must have the same length.");
        }
        byte[] aggnonce = nonceAgg(pubnonces);
        SessionValues sv = sessionValues(aggnonce, ctx, tweaks, xonly, msg);
        return partialSigVerifyInternal(psig, ctx.ids().get(i), pubnonces.get(i), ctx.pubshares().get(i), sv);
    }

    /** {@code PartialSigAgg}: {@code R.x ‖ (Σ s_i + e·g·tacc)}. */
    public static byte[] partialSigAgg(List<byte[]> psigs, SessionValues sv) {
        if (psigs.size() != sv.ids().size()) {
            throw new IllegalArgumentException("The psigs and ids arrays must have the same length.");
        }
        BigInteger s = BigInteger.ZERO;
        for (int idx = 0; idx < psigs.size(); idx++) {
            BigInteger si = new BigInteger(1, psigs.get(idx));
            if (psigs.get(idx).length != 32 || si.compareTo(N) >= 0) {
                throw new InvalidContribution(idx, "psig");
            }
            s = s.add(si);
        }
        BigInteger g = sv.q().hasEvenY() ? BigInteger.ONE : N.subtract(BigInteger.ONE);
        s = s.add(sv.e().multiply(g).multiply(sv.tacc())).mod(N);
        return Bytes.concat(sv.r().xOnly(), Bytes.fixed(s, 32));
    }

    /** {@code DeterministicSign}: returns {@code (pubnonce, psig)}. {@code aggothernonce} may be {@code null}. */
    public static byte[][] deterministicSign(byte[] secshare, long myId, byte[] aggothernonce, SignersContext ctx,
                                             List<byte[]> tweaks, List<Boolean> xonly, byte[] msg, byte[] rand) {
        byte[] secshareP = rand == null ? secshare : xor(secshare, Hashes.tagged(TAG_AUX, rand));
        validateSignersContext(ctx);
        byte[] tweakedX = tweak(ctx.threshPk(), tweaks, xonly).q().xOnly();
        byte[] other = aggothernonce == null ? new byte[0] : aggothernonce;
        BigInteger k1 = new BigInteger(1, detNonceHash(secshareP, myId, ctx.ids(), other, tweakedX, msg, 0)).mod(N);
        BigInteger k2 = new BigInteger(1, detNonceHash(secshareP, myId, ctx.ids(), other, tweakedX, msg, 1)).mod(N);
        byte[] pubnonce = Bytes.concat(G.mulBase(k1).encode(), G.mulBase(k2).encode());
        byte[] secnonce = Bytes.concat(Bytes.fixed(k1, 32), Bytes.fixed(k2, 32));
        byte[] aggnonce;
        if (aggothernonce == null) {
            aggnonce = pubnonce;
        } else {
            try {
                aggnonce = nonceAgg(List.of(pubnonce, aggothernonce));
            } catch (InvalidContribution e) {
                throw new InvalidContribution(-1, "aggothernonce");
            }
        }
        return new byte[][] {pubnonce, sign(secnonce, secshare, myId, aggnonce, ctx, tweaks, xonly, msg)};
    }

    private static byte[] detNonceHash(byte[] secshare, long myId, List<Long> ids, byte[] aggothernonce,
                                       byte[] tweakedX, byte[] msg, int i) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(secshare);
        b.writeBytes(Bytes.fixed(BigInteger.valueOf(myId), 4));
        b.writeBytes(Bytes.fixed(BigInteger.valueOf(ids.size()), 4));
        b.writeBytes(serializeIds(ids));
        b.writeBytes(aggothernonce);
        b.writeBytes(tweakedX);
        b.writeBytes(Bytes.fixed(BigInteger.valueOf(msg.length), 8));
        b.writeBytes(msg);
        b.write(i);
        return Hashes.tagged(TAG_DET_NONCE, b.toByteArray());
    }
}
