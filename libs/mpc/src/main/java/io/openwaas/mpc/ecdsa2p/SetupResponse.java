package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import io.openwaas.mpc.paillier.PaillierPublicKey;
import io.openwaas.mpc.zk.EncryptedDlogProof;
import io.openwaas.mpc.zk.NoSmallFactorProof;
import io.openwaas.mpc.zk.PaillierBlumModulusProof;
import io.openwaas.mpc.zk.RingPedersenParams;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * P1's half of the Paillier setup (Lindell17 key generation, P1's message with {@code c_key}, hardened as cb-mpc's
 * ECDSA-2PC keygen): its Paillier key {@code N1}, {@code c_key = Enc(x1)}, and
 * <ul>
 *   <li>Π^mod — {@code N1} is a Paillier–Blum modulus (line 1, BitForge);</li>
 *   <li>Π^fac — {@code N1} has no factor below ~2^256, under P2's ring-Pedersen parameters (line 1);</li>
 *   <li>Π^log* — {@code c_key} encrypts {@code log_G(Q1)} and lies in {@code ±2^{ℓ+ε}} (the PDL proof with slack,
 *       Lindell17 §6).</li>
 * </ul>
 * P1's ring-Pedersen parameters (the verifier's of Π^aff-R in proved signing) are no longer part of this message:
 * they are P1's {@link AuxSetup}, proven once and verified once by P2. Encoding version 2 of the carrying messages.
 * Immutable.
 */
public final class SetupResponse {

    private final PaillierPublicKey paillier;
    private final BigInteger cKey;
    private final PaillierBlumModulusProof modProof;
    private final NoSmallFactorProof facProof;
    private final EncryptedDlogProof encProof;

    SetupResponse(PaillierPublicKey paillier, BigInteger cKey, PaillierBlumModulusProof modProof,
                  NoSmallFactorProof facProof, EncryptedDlogProof encProof) {
        this.paillier = paillier;
        this.cKey = cKey;
        this.modProof = modProof;
        this.facProof = facProof;
        this.encProof = encProof;
    }

    /**
     * P1 encrypts {@code x1} under its fresh Paillier key and proves everything under P2's parameters {@code rp2}.
     */
    static SetupResponse create(PaillierPrivateKey key, BigInteger x1, EcPoint q1, RingPedersenParams rp2,
                          SessionId session, PartyId p1, SecureRandom rnd) {
        PaillierPublicKey pk = key.publicKey();
        BigInteger rho = pk.randomUnit(rnd);
        BigInteger cKey = pk.encrypt(x1, rho);
        BigInteger q = Ecdsa2p.GROUP.order();
        PaillierBlumModulusProof mod = PaillierBlumModulusProof.prove(key, session, p1, rnd);
        NoSmallFactorProof fac = NoSmallFactorProof.prove(key, rp2, q, session, p1, rnd);
        EncryptedDlogProof enc = EncryptedDlogProof.prove(pk, cKey, Ecdsa2p.GROUP, Ecdsa2p.GROUP.generator(), q1, x1,
                rho, rp2, session, p1, rnd);
        return new SetupResponse(pk, cKey, mod, fac, enc);
    }

    public PaillierPublicKey paillier() {
        return paillier;
    }

    public BigInteger cKey() {
        return cKey;
    }

    /**
     * P2 checks everything P1 {@code sender} sent against {@code q1} and P2's own parameters {@code rp2}.
     *
     * @throws io.openwaas.mpc.common.MpcAbortException naming {@code sender}
     */
    void validate(String protocol, int round, SessionId session, PartyId sender, EcPoint q1, RingPedersenParams rp2) {
        if (!paillier.isValidCiphertext(cKey)) {
            throw Ecdsa2p.abort(protocol, round, AbortReason.OUT_OF_RANGE, sender, "c_key not in Z*_{N²}");
        }
        BigInteger n = paillier.modulus();
        BigInteger q = Ecdsa2p.GROUP.order();
        Ecdsa2p.checkProof(protocol, round, sender, () -> modProof.verify(n, session, sender));
        Ecdsa2p.checkProof(protocol, round, sender, () -> facProof.verify(n, rp2, q, session, sender));
        Ecdsa2p.checkProof(protocol, round, sender, () -> encProof.verify(paillier, cKey, Ecdsa2p.GROUP,
                Ecdsa2p.GROUP.generator(), q1, rp2, session, sender));
    }

    void write(WireWriter w) {
        paillier.write(w);
        w.writeBigInteger(cKey);
        modProof.write(w);
        facProof.write(w);
        encProof.write(w);
    }

    static SetupResponse read(WireReader r) {
        PaillierPublicKey pk = PaillierPublicKey.read(r);
        BigInteger cKey = r.readBigInteger(2 * PaillierPublicKey.MAX_MODULUS_BITS);
        PaillierBlumModulusProof mod = PaillierBlumModulusProof.read(r);
        NoSmallFactorProof fac = NoSmallFactorProof.read(r);
        EncryptedDlogProof enc = EncryptedDlogProof.read(r, Ecdsa2p.GROUP);
        return new SetupResponse(pk, cKey, mod, fac, enc);
    }

    /** A copy claiming another Paillier modulus, proofs unchanged (malicious-party simulation in tests). */
    SetupResponse withPaillier(PaillierPublicKey other, BigInteger otherCKey) {
        return new SetupResponse(other, otherCKey, modProof, facProof, encProof);
    }

    /** A copy with another {@code c_key} (malicious-party simulation in tests). */
    SetupResponse withCKey(BigInteger other) {
        return new SetupResponse(paillier, other, modProof, facProof, encProof);
    }
}
