package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.zk.DlogProof;
import io.openwaas.mpc.zk.Points;

/**
 * Key generation message 2, P2 → P1: {@code Q2} with its discrete-log proof (Lindell17 key generation, step 2) and
 * P2's {@link SetupOffer} (fingerprints of the aux setups in use). Encoding: type {@code 0x1202}, version 2,
 * {@code header ‖ Q2 ‖ π ‖ offer}.
 */
public final class KeygenMessage2 implements ProtocolMessage {

    static final int TYPE = 0x1202;
    static final int ROUND = 2;
    static final String LABEL = "ecdsa2p.keygen.Q2";

    private final MessageHeader header;
    private final EcPoint q2;
    private final DlogProof proof;
    private final SetupOffer offer;

    KeygenMessage2(MessageHeader header, EcPoint q2, DlogProof proof, SetupOffer offer) {
        this.header = header;
        this.q2 = q2;
        this.proof = proof;
        this.offer = offer;
    }

    @Override
    public MessageHeader header() {
        return header;
    }

    EcPoint q2() {
        return q2;
    }

    SetupOffer offer() {
        return offer;
    }

    /**
     * Envelope, the proof of knowledge of {@code log Q2}, and that the aux setups P2 refers to are
     * {@code p2Verified} (P1's verified copy of P2's) and {@code p1Own} (P1's own).
     */
    public void validate(MessageContext ctx, VerifiedAuxSetup p2Verified, VerifiedAuxSetup p1Own) {
        header.validate(ctx);
        Ecdsa2p.checkProof(ctx.protocol(), ctx.round(), sender(), () -> proof.verify(Ecdsa2p.GROUP,
                Ecdsa2p.GROUP.generator(), q2, LABEL, ctx.session(), sender()));
        offer.validate(ctx.protocol(), ctx.round(), sender(), p2Verified, p1Own);
    }

    /** A copy with another {@code Q2} or offer, the rest unchanged (malicious-party simulation in tests). */
    KeygenMessage2 with(EcPoint otherQ2, SetupOffer otherOffer) {
        return new KeygenMessage2(header, otherQ2, proof, otherOffer);
    }

    @Override
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, 2);
        header.write(w);
        w.writeFixed(q2.encode());
        proof.write(w, Ecdsa2p.GROUP);
        offer.write(w);
        return w.toBytes();
    }

    public static KeygenMessage2 parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, 2);
        MessageHeader h = MessageHeader.read(r);
        EcPoint q2 = Points.read(r, Ecdsa2p.GROUP);
        DlogProof p = DlogProof.read(r, Ecdsa2p.GROUP);
        SetupOffer o = SetupOffer.read(r);
        r.finish();
        return new KeygenMessage2(h, q2, p, o);
    }
}
