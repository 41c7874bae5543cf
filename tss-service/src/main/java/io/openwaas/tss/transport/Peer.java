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
    /** Verified setups by (node id, announced setup), shared by every announcement object of the directory. */
    private final java.util.Map<String, VerifiedAuxSetup> verified;

    Peer(TssNodeInfo info, java.util.Map<String, VerifiedAuxSetup> verified) {
        this.info = info;
        this.verified = verified;
        this.partyId = PartyId.of(info.partyId());
        this.identity = new Ed25519PublicKeyParameters(HexFormat.of().parseHex(info.identityPublicKey()), 0);
        this.encryption = new X25519PublicKeyParameters(HexFormat.of().parseHex(info.encryptionPublicKey()), 0);
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
        if (info.auxSetup() == null) {
            throw new IllegalStateException(info.nodeId() + " has announced no aux setup");
        }
        return verified.computeIfAbsent(info.nodeId() + "|" + info.partyId() + "|" + info.auxSetup(), k -> {
            AuxSetup setup = AuxSetup.parse(Base64.getDecoder().decode(info.auxSetup()));
            return setup.verify(setup.session(), partyId);
        });
    }
}
