package io.openwaas.tss.transport;

import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.ecdsa2p.AuxSetup;
import io.openwaas.mpc.ecdsa2p.VerifiedAuxSetup;
import io.openwaas.platform.events.tss.TssNodeInfo;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

import java.util.Base64;
import java.util.HexFormat;

/** Another node as its latest announcement describes it. Its aux setup is verified once, on first use. */
public final class Peer {

    private final TssNodeInfo info;
    private final PartyId partyId;
    private final Ed25519PublicKeyParameters identity;
    private final X25519PublicKeyParameters encryption;
    private volatile VerifiedAuxSetup verifiedAux;

    Peer(TssNodeInfo info) {
        this.info = info;
        this.partyId = PartyId.of(info.partyId());
        this.identity = new Ed25519PublicKeyParameters(HexFormat.of().parseHex(info.identityPublicKey()), 0);
        this.encryption = new X25519PublicKeyParameters(HexFormat.of().parseHex(info.encryptionPublicKey()), 0);
    }

    /** Carries a verified aux setup over from the previous announcement when the setup did not change. */
    Peer inherit(Peer previous) {
        if (previous != null && previous.verifiedAux != null && previous.info.auxSetup() != null
                && previous.info.auxSetup().equals(info.auxSetup()) && previous.partyId.equals(partyId)) {
            verifiedAux = previous.verifiedAux;
        }
        return this;
    }

    public TssNodeInfo info() {
        return info;
    }

    public String nodeId() {
        return info.nodeId();
    }

    public PartyId partyId() {
        return partyId;
    }

    public Ed25519PublicKeyParameters identity() {
        return identity;
    }

    public X25519PublicKeyParameters encryption() {
        return encryption;
    }

    /**
     * The peer's verified aux setup: Π^prm is checked against the peer's party id the first time (about a second of
     * CPU), then kept for as long as the peer announces the same setup.
     */
    public VerifiedAuxSetup auxSetup() {
        VerifiedAuxSetup v = verifiedAux;
        if (v == null) {
            synchronized (this) {
                if (verifiedAux == null) {
                    if (info.auxSetup() == null) {
                        throw new IllegalStateException(info.nodeId() + " has announced no aux setup");
                    }
                    AuxSetup setup = AuxSetup.parse(Base64.getDecoder().decode(info.auxSetup()));
                    verifiedAux = setup.verify(setup.session(), partyId);
                }
                v = verifiedAux;
            }
        }
        return v;
    }
}
