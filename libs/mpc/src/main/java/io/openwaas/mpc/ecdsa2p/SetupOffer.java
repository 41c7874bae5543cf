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

/**
 * P2's half of the Paillier setup: its ring-Pedersen parameters {@code (N̂2, s2, t2)} with Π^prm. P1's proofs
 * about its Paillier key (Π^fac, Π^log*) are made under these parameters. Immutable.
 */
public final class SetupOffer {

    private final RingPedersenParams params;
    private final RingPedersenProof proof;

    SetupOffer(RingPedersenParams params, RingPedersenProof proof) {
        this.params = params;
        this.proof = proof;
    }

    /** P2 creates its parameters on {@code key} (its own Paillier–Blum modulus) and proves them. */
    static Created create(PaillierPrivateKey key, SessionId session, PartyId p2, SecureRandom rnd) {
        RingPedersenSecret secret = RingPedersenSecret.random(key, rnd);
        return new Created(new SetupOffer(secret.params(), RingPedersenProof.prove(secret, session, p2, rnd)),
                secret);
    }

    record Created(SetupOffer offer, RingPedersenSecret secret) {
    }

    RingPedersenProof proof() {
        return proof;
    }

    public RingPedersenParams params() {
        return params;
    }

    /** Checks the parameters (line 6) and Π^prm (line 4) of P2 {@code sender}. */
    void validate(String protocol, int round, SessionId session, PartyId sender) {
        try {
            params.validate();
        } catch (InvalidProofException e) {
            throw Ecdsa2p.abort(protocol, round, AbortReason.OUT_OF_RANGE, sender, e.getMessage());
        }
        Ecdsa2p.checkProof(protocol, round, sender, () -> proof.verify(params, session, sender));
    }

    void write(WireWriter w) {
        params.write(w);
        proof.write(w);
    }

    static SetupOffer read(WireReader r) {
        return new SetupOffer(RingPedersenParams.read(r), RingPedersenProof.read(r));
    }
}
