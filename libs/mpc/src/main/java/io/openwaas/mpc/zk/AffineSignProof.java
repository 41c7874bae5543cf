package io.openwaas.mpc.zk;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.Transcript;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.paillier.PaillierPublicKey;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Π^aff-R: proof that P2's last two-party-ECDSA message is well formed — {@code D = C^b·(1+N0)^y·u^{N0} mod N0²}
 * with {@code b·R = B} and {@code y·R = Y} for public points {@code R, B, Y}, {@code b ∈ ±2^{ℓ+ε}} and
 * {@code y ∈ ±2^{ℓ_y+ε}}. It is CGGMP21's Π^aff-g (eprint 2021/060, Figure 15: "Paillier affine operation with
 * group commitment in range") specialised to one Paillier key and to group commitments in base {@code R}
 * instead of {@code G} and with {@code y}'s group commitment added: <b>our adaptation, listed for outside
 * review</b>.
 *
 * <p>Use in signing (the "ZK-proved last message" variant, cf. cb-mpc ECDSA-2PC default mode): {@code C = c_key},
 * {@code D = c3}, {@code R = R2 = k2·G}, {@code B = r·G}, {@code Y = m·G + r·Q2}, so the proof shows
 * {@code b = k2^{-1}·r} and {@code y ≡ k2^{-1}(m + r·x2) (mod q)} without wrap-around mod {@code N0}: the
 * decryption then always yields a valid signature, and a failed proof aborts <em>before</em> P1 decrypts, so
 * P1's reaction reveals nothing about {@code x1} (CVE-2023-33242).
 *
 * <p>Prover: {@code α ← ±2^{ℓ+ε}}, {@code β ← ±2^{ℓ_y+ε}}, {@code r ← Z*_{N0}}, {@code γ, δ} masks in
 * {@code ±2^{·+ε}·N̂}, {@code m_b ← ±2^ℓ·N̂}, {@code m_y ← ±2^{ℓ_y}·N̂};
 * {@code A = C^α (1+N0)^β r^{N0}}, {@code B_x = α·R}, {@code B_y = β·R}, {@code E = s^α t^γ},
 * {@code S = s^b t^{m_b}}, {@code F = s^β t^δ}, {@code T = s^y t^{m_y}}; challenge {@code e ∈ [0, q)} over
 * (domain, session, prover, {@code N0, (N̂,s,t), C, D, R, B, Y}, all commitments); responses
 * {@code z1 = α + e·b}, {@code z2 = β + e·y}, {@code z3 = γ + e·m_b}, {@code z4 = δ + e·m_y},
 * {@code w = r·u^e mod N0}. Verifier: the five equations and both ranges. One execution; soundness about
 * {@code 1/q} under strong RSA on {@code N̂}.
 */
public final class AffineSignProof {

    static final String DOMAIN = "openwaas/zk/paillier-affine-sign/v1";
    static final String NAME = "affine-operation proof (Π^aff-R)";
    private static final int MAX_BITS = 3 * PaillierPublicKey.MAX_MODULUS_BITS;

    private final BigInteger bigA;
    private final EcPoint bx;
    private final EcPoint by;
    private final BigInteger bigE;
    private final BigInteger bigS;
    private final BigInteger bigF;
    private final BigInteger bigT;
    private final BigInteger z1;
    private final BigInteger z2;
    private final BigInteger z3;
    private final BigInteger z4;
    private final BigInteger w;

    AffineSignProof(BigInteger bigA, EcPoint bx, EcPoint by, BigInteger bigE, BigInteger bigS, BigInteger bigF,
                    BigInteger bigT, BigInteger z1, BigInteger z2, BigInteger z3, BigInteger z4, BigInteger w) {
        this.bigA = bigA;
        this.bx = bx;
        this.by = by;
        this.bigE = bigE;
        this.bigS = bigS;
        this.bigF = bigF;
        this.bigT = bigT;
        this.z1 = z1;
        this.z2 = z2;
        this.z3 = z3;
        this.z4 = z4;
        this.w = w;
    }

    /**
     * Proves {@code d = c^b·Enc(y; u)} with {@code b·R = B}, {@code y·R = Y}.
     *
     * @param yBits the honest bit length {@code ℓ_y} of {@code y}
     * @param rp    the verifier's ring-Pedersen parameters
     */
    public static AffineSignProof prove(PaillierPublicKey pk, BigInteger c, BigInteger d, EcGroup group, EcPoint bigR,
                                        EcPoint bigB, EcPoint bigY, BigInteger b, BigInteger y, BigInteger u,
                                        int yBits, RingPedersenParams rp, SessionId session, PartyId prover,
                                        SecureRandom rnd) {
        return prove(pk, c, d, group, bigR, bigB, bigY, b, y, u, yBits, rp, session, prover, pk.noise(rnd), rnd);
    }

    /** As above, with pre-computed randomness {@code maskNoise} for the Paillier commitment {@code A}. */
    public static AffineSignProof prove(PaillierPublicKey pk, BigInteger c, BigInteger d, EcGroup group, EcPoint bigR,
                                        EcPoint bigB, EcPoint bigY, BigInteger b, BigInteger y, BigInteger u,
                                        int yBits, RingPedersenParams rp, SessionId session, PartyId prover,
                                        io.openwaas.mpc.paillier.PaillierNoise maskNoise, SecureRandom rnd) {
        BigInteger n0 = pk.modulus();
        BigInteger n0sq = pk.modulusSquared();
        BigInteger nHat = rp.modulus();
        int eps = ZkParameters.EPSILON;
        BigInteger alpha = ZkMath.randomSignedBits(ZkParameters.ELL + eps, rnd);
        BigInteger beta = ZkMath.randomSignedBits(yBits + eps, rnd);
        BigInteger r = maskNoise.r();
        BigInteger gamma = ZkMath.randomSigned(ZkParameters.TWO_ELL_EPS.multiply(nHat), rnd);
        BigInteger mb = ZkMath.randomSigned(ZkParameters.TWO_ELL.multiply(nHat), rnd);
        BigInteger delta = ZkMath.randomSigned(BigInteger.ONE.shiftLeft(yBits + eps).multiply(nHat), rnd);
        BigInteger my = ZkMath.randomSigned(BigInteger.ONE.shiftLeft(yBits).multiply(nHat), rnd);
        BigInteger bigA = c.modPow(alpha, n0sq).multiply(pk.encrypt(beta, maskNoise)).mod(n0sq);
        EcPoint bx = Points.mulSecret(bigR, alpha);
        EcPoint by = Points.mulSecret(bigR, beta);
        BigInteger bigE = rp.commit(alpha, gamma);
        BigInteger bigS = rp.commit(b, mb);
        BigInteger bigF = rp.commit(beta, delta);
        BigInteger bigT = rp.commit(y, my);
        BigInteger e = challenge(pk, c, d, group, bigR, bigB, bigY, yBits, rp, bigA, bx, by, bigE, bigS, bigF, bigT,
                session, prover);
        return new AffineSignProof(bigA, bx, by, bigE, bigS, bigF, bigT, alpha.add(e.multiply(b)),
                beta.add(e.multiply(y)), gamma.add(e.multiply(mb)), delta.add(e.multiply(my)),
                r.multiply(u.modPow(e, n0)).mod(n0));
    }

    private static BigInteger challenge(PaillierPublicKey pk, BigInteger c, BigInteger d, EcGroup group, EcPoint bigR,
                                        EcPoint bigB, EcPoint bigY, int yBits, RingPedersenParams rp, BigInteger bigA,
                                        EcPoint bx, EcPoint by, BigInteger bigE, BigInteger bigS, BigInteger bigF,
                                        BigInteger bigT, SessionId session, PartyId prover) {
        Transcript tr = Transcript.forProof(Transcript.Hash.SHA512, DOMAIN, session, prover);
        tr.append("N0", pk.modulus()).append("C", c).append("D", d)
                .append("group", group.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .append("R", bigR.encode()).append("B", bigB.encode()).append("Y", bigY.encode())
                .append("y-bits", (long) yBits);
        rp.appendTo(tr, "rp");
        tr.append("A", bigA).append("Bx", bx.encode()).append("By", by.encode()).append("E", bigE)
                .append("S", bigS).append("F", bigF).append("T", bigT);
        return tr.challenge(group.order());
    }

    /**
     * Verifies the proof. The verifier knows the factorisation of {@code N̂} ({@code rpSecret}) and uses it to
     * speed up the ring-Pedersen checks.
     *
     * @throws InvalidProofException naming the failed check
     */
    public void verify(PaillierPublicKey pk, BigInteger c, BigInteger d, EcGroup group, EcPoint bigR, EcPoint bigB,
                       EcPoint bigY, int yBits, RingPedersenSecret rpSecret, SessionId session, PartyId prover) {
        verify(pk, rpSecret.key().publicKey().equals(pk) ? rpSecret.key() : null, c, d, group, bigR, bigB, bigY, yBits,
                rpSecret, session, prover);
    }

    /**
     * As above when the verifier also owns {@code N0}'s factorisation ({@code n0Key}, P1's Paillier key in signing)
     * and the ring-Pedersen modulus is another one (P1's aux setup): the {@code mod N0²} exponentiations use the CRT.
     */
    public void verify(io.openwaas.mpc.paillier.PaillierPrivateKey n0Key, BigInteger c, BigInteger d, EcGroup group,
                       EcPoint bigR, EcPoint bigB, EcPoint bigY, int yBits, RingPedersenSecret rpSecret,
                       SessionId session, PartyId prover) {
        verify(n0Key.publicKey(), n0Key, c, d, group, bigR, bigB, bigY, yBits, rpSecret, session, prover);
    }

    private void verify(PaillierPublicKey pk, io.openwaas.mpc.paillier.PaillierPrivateKey n0Key, BigInteger c,
                        BigInteger d, EcGroup group, EcPoint bigR, EcPoint bigB, EcPoint bigY, int yBits,
                        RingPedersenSecret rpSecret, SessionId session, PartyId prover) {
        RingPedersenParams rp = rpSecret.params();
        BigInteger n0 = pk.modulus();
        BigInteger n0sq = pk.modulusSquared();
        BigInteger nHat = rp.modulus();
        if (!pk.isValidCiphertext(c) || !pk.isValidCiphertext(d) || !pk.isValidCiphertext(bigA)) {
            throw new InvalidProofException(NAME, "ciphertext not in Z*_{N0²}");
        }
        if (!ZkMath.isUnit(w, n0)) {
            throw new InvalidProofException(NAME, "w not a unit mod N0");
        }
        for (BigInteger v : new BigInteger[] {bigE, bigS, bigF, bigT}) {
            if (!ZkMath.isUnit(v, nHat)) {
                throw new InvalidProofException(NAME, "commitment not a unit mod N̂");
            }
        }
        if (!ZkMath.inSymmetricRange(z1, ZkParameters.TWO_ELL_EPS)) {
            throw new InvalidProofException(NAME, "z1 outside ±2^(ℓ+ε): multiplier out of range");
        }
        if (!ZkMath.inSymmetricRange(z2, BigInteger.ONE.shiftLeft(yBits + ZkParameters.EPSILON))) {
            throw new InvalidProofException(NAME, "z2 outside ±2^(ℓy+ε): addend out of range");
        }
        BigInteger e = challenge(pk, c, d, group, bigR, bigB, bigY, yBits, rp, bigA, bx, by, bigE, bigS, bigF, bigT,
                session, prover);
        // when the verifier owns N0's factorisation (P1 in signing), exponentiate mod N0² by the CRT
        boolean own = n0Key != null;
        BigInteger cz1 = own ? n0Key.powModNSquared(c, z1) : c.modPow(z1, n0sq);
        BigInteger wn = own ? n0Key.powModNSquared(w, n0) : w.modPow(n0, n0sq);
        BigInteger de = own ? n0Key.powModNSquared(d, e) : d.modPow(e, n0sq);
        BigInteger lhs = cz1.multiply(pk.plaintextPart(z2)).mod(n0sq).multiply(wn).mod(n0sq);
        if (!lhs.equals(bigA.multiply(de).mod(n0sq))) {
            throw new InvalidProofException(NAME, "Paillier equation fails");
        }
        if (!bigR.multiply(z1).equals(bx.add(bigB.multiply(e)))) {
            throw new InvalidProofException(NAME, "group equation for b fails");
        }
        if (!bigR.multiply(z2).equals(by.add(bigY.multiply(e)))) {
            throw new InvalidProofException(NAME, "group equation for y fails");
        }
        if (!rpSecret.commitFast(z1, z3).equals(bigE.multiply(rpSecret.powFast(bigS, e)).mod(nHat))) {
            throw new InvalidProofException(NAME, "ring-Pedersen equation for b fails");
        }
        if (!rpSecret.commitFast(z2, z4).equals(bigF.multiply(rpSecret.powFast(bigT, e)).mod(nHat))) {
            throw new InvalidProofException(NAME, "ring-Pedersen equation for y fails");
        }
    }

    public void write(WireWriter out) {
        out.writeBigInteger(bigA).writeFixed(bx.encode()).writeFixed(by.encode()).writeBigInteger(bigE)
                .writeBigInteger(bigS).writeBigInteger(bigF).writeBigInteger(bigT);
        for (BigInteger v : new BigInteger[] {z1, z2, z3, z4}) {
            ZkMath.writeSigned(out, v);
        }
        out.writeBigInteger(w);
    }

    public static AffineSignProof read(WireReader r, EcGroup group) {
        int bits = 2 * PaillierPublicKey.MAX_MODULUS_BITS;
        BigInteger a = r.readBigInteger(bits);
        EcPoint bx = Points.read(r, group);
        EcPoint by = Points.read(r, group);
        BigInteger e = r.readBigInteger(bits);
        BigInteger s = r.readBigInteger(bits);
        BigInteger f = r.readBigInteger(bits);
        BigInteger t = r.readBigInteger(bits);
        BigInteger z1 = ZkMath.readSigned(r, MAX_BITS);
        BigInteger z2 = ZkMath.readSigned(r, MAX_BITS);
        BigInteger z3 = ZkMath.readSigned(r, MAX_BITS);
        BigInteger z4 = ZkMath.readSigned(r, MAX_BITS);
        BigInteger w = r.readBigInteger(bits);
        return new AffineSignProof(a, bx, by, e, s, f, t, z1, z2, z3, z4, w);
    }
}
