package io.openwaas.mpc.ecdsa2p;

import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import io.openwaas.mpc.zk.InvalidProofException;
import io.openwaas.mpc.zk.RingPedersenParams;
import io.openwaas.mpc.zk.RingPedersenProof;
import io.openwaas.mpc.zk.RingPedersenSecret;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A party's auxiliary setup, as sent to its peers: its ring-Pedersen parameters {@code (N̂, s, t)} with Π^prm
 * (CGGMP21, eprint 2021/060, §3 "auxiliary info"; Figure 17). The proof's Fiat–Shamir transcript binds the
 * owner's party id and the <em>setup session id</em>, so a setup cannot be replayed into another setup session or
 * claimed by another party.
 *
 * <p>The setup is made once per party (per setup session) and verified once per peer with {@link #verify}; the
 * result, a {@link VerifiedAuxSetup}, is what key generation, refresh and the 2-of-3 pair setups take instead of
 * proving and verifying ring-Pedersen parameters inline. The parameters are the verifier's in every range proof a
 * peer gives this party (Π^fac, Π^log* in key generation; Π^aff-R in proved signing).
 *
 * <p>Encoding (type {@code 0x1241}, version 1): {@code owner ‖ setup session ‖ N̂ ‖ s ‖ t ‖ Π^prm}. Public.
 * Immutable.
 */
public final class AuxSetup {

    static final int TYPE = 0x1241;
    static final int VERSION = 1;
    /** Round number used in the aborts of {@link #verify}. */
    static final int ROUND = 1;

    private final PartyId owner;
    private final SessionId session;
    private final RingPedersenParams params;
    private final RingPedersenProof proof;

    AuxSetup(PartyId owner, SessionId session, RingPedersenParams params, RingPedersenProof proof) {
        this.owner = Objects.requireNonNull(owner);
        this.session = Objects.requireNonNull(session);
        this.params = Objects.requireNonNull(params);
        this.proof = Objects.requireNonNull(proof);
    }

    /**
     * Creates {@code owner}'s setup in setup session {@code setupSession}: fresh ring-Pedersen parameters on the
     * modulus of {@code key} (a Paillier–Blum key used for nothing else — in particular never as a Paillier key of
     * a two-party key) and Π^prm bound to {@code (setupSession, owner)}. This is the expensive one-time step.
     *
     * @param key adopted by the returned secret (destroyed with it)
     */
    public static AuxSetupSecret create(SessionId setupSession, PartyId owner, PaillierPrivateKey key,
                                        SecureRandom rnd) {
        RingPedersenSecret secret = RingPedersenSecret.random(key, rnd);
        RingPedersenProof proof = RingPedersenProof.prove(secret, setupSession, owner, rnd);
        return new AuxSetupSecret(new AuxSetup(owner, setupSession, secret.params(), proof), secret);
    }

    public PartyId owner() {
        return owner;
    }

    public SessionId session() {
        return session;
    }

    public RingPedersenParams params() {
        return params;
    }

    RingPedersenProof proof() {
        return proof;
    }

    /**
     * Verifies a setup received from {@code expectedOwner} in setup session {@code expectedSession}: the setup must
     * name that owner and that session, its parameters must have the right form (threat checklist line 6) and
     * Π^prm must verify (line 4) under that session and owner.
     *
     * @return the verified value to cache/persist and pass to key generation
     * @throws io.openwaas.mpc.common.MpcAbortException protocol {@value Ecdsa2p#AUX}, naming {@code expectedOwner}
     *         (the party that presented the setup): {@code UNEXPECTED_SENDER} for a setup of another party,
     *         {@code WRONG_SESSION} for one of another setup session, {@code OUT_OF_RANGE} for malformed parameters,
     *         {@code INVALID_PROOF} for a failing Π^prm
     */
    public VerifiedAuxSetup verify(SessionId expectedSession, PartyId expectedOwner) {
        Objects.requireNonNull(expectedSession);
        Objects.requireNonNull(expectedOwner);
        if (!owner.equals(expectedOwner)) {
            throw Ecdsa2p.abort(Ecdsa2p.AUX, ROUND, AbortReason.UNEXPECTED_SENDER, expectedOwner,
                    "aux setup of " + owner + " presented by " + expectedOwner);
        }
        if (!session.equals(expectedSession)) {
            throw Ecdsa2p.abort(Ecdsa2p.AUX, ROUND, AbortReason.WRONG_SESSION, expectedOwner,
                    "aux setup made for another setup session (replayed)");
        }
        try {
            params.validate();
        } catch (InvalidProofException e) {
            throw Ecdsa2p.abort(Ecdsa2p.AUX, ROUND, AbortReason.OUT_OF_RANGE, expectedOwner, e.getMessage());
        }
        Ecdsa2p.checkProof(Ecdsa2p.AUX, ROUND, expectedOwner, () -> proof.verify(params, session, owner));
        return new VerifiedAuxSetup(owner, session, params);
    }

    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, VERSION);
        w.writePartyId(owner).writeSessionId(session);
        params.write(w);
        proof.write(w);
        return w.toBytes();
    }

    /** Decodes (no verification: call {@link #verify}). */
    public static AuxSetup parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, VERSION);
        PartyId owner = r.readPartyId();
        SessionId session = r.readSessionId();
        RingPedersenParams params = RingPedersenParams.read(r);
        RingPedersenProof proof = RingPedersenProof.read(r);
        r.finish();
        return new AuxSetup(owner, session, params, proof);
    }

    /** A copy with other parts (malicious-party simulation in tests). */
    AuxSetup with(PartyId otherOwner, SessionId otherSession, RingPedersenParams otherParams,
                  RingPedersenProof otherProof) {
        return new AuxSetup(otherOwner, otherSession, otherParams, otherProof);
    }

    @Override
    public String toString() {
        return "AuxSetup[" + owner + ", " + session + "]";
    }
}
