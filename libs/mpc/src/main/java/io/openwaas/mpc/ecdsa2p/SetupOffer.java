package io.openwaas.mpc.ecdsa2p;

import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;

/**
 * P2's reference to the auxiliary setups in use (in {@link KeygenMessage2} and {@link SetupMessage1}): the
 * {@link VerifiedAuxSetup#fingerprint() fingerprints} of P2's own setup (the verifier's parameters of P1's Π^fac and
 * Π^log*) and of P1's setup as P2 verified it (the verifier's parameters of P2's Π^aff-R in proved signing). P1
 * checks both against its own setup and its verified copy of P2's, so the two parties cannot silently use
 * different parameters. The setups themselves were proven and verified once, beforehand ({@link AuxSetup}).
 * Immutable.
 */
public final class SetupOffer {

    private final byte[] p2Aux;
    private final byte[] p1Aux;

    SetupOffer(byte[] p2Aux, byte[] p1Aux) {
        this.p2Aux = p2Aux.clone();
        this.p1Aux = p1Aux.clone();
    }

    static SetupOffer of(VerifiedAuxSetup p2Own, VerifiedAuxSetup p1AsVerified) {
        return new SetupOffer(p2Own.fingerprint(), p1AsVerified.fingerprint());
    }

    /**
     * P1 checks that P2 {@code sender} refers to exactly the setups P1 holds.
     *
     * @throws io.openwaas.mpc.common.MpcAbortException naming {@code sender}
     */
    void validate(String protocol, int round, PartyId sender, VerifiedAuxSetup p2Verified,
                  VerifiedAuxSetup p1Own) {
        if (p2Aux.length != VerifiedAuxSetup.FINGERPRINT_LENGTH || p1Aux.length != VerifiedAuxSetup.FINGERPRINT_LENGTH) {
            throw Ecdsa2p.abort(protocol, round, AbortReason.WRONG_LENGTH, sender, "aux setup fingerprint length");
        }
        if (!p2Verified.hasFingerprint(p2Aux)) {
            throw Ecdsa2p.abort(protocol, round, AbortReason.PROTOCOL_VIOLATION, sender,
                    "P2 uses an aux setup other than the one verified for it (re-run the aux setup)");
        }
        if (!p1Own.hasFingerprint(p1Aux)) {
            throw Ecdsa2p.abort(protocol, round, AbortReason.PROTOCOL_VIOLATION, sender,
                    "P2 holds an aux setup of P1 other than P1's current one (re-run the aux setup)");
        }
    }

    void write(WireWriter w) {
        w.writeBytes(p2Aux).writeBytes(p1Aux);
    }

    static SetupOffer read(WireReader r) {
        byte[] a = r.readBytes(64);
        byte[] b = r.readBytes(64);
        return new SetupOffer(a, b);
    }
}
