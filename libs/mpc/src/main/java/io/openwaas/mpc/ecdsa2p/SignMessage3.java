package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.zk.DlogProof;
import io.openwaas.mpc.zk.Points;
import java.security.MessageDigest;

/**
 * Signing message 3, P1 → P2: the opening of message 1 — {@code R1 = k1·G}, {@code π_dlog(R1)}, nonce (Lindell17 §3
 * signing, step 3). Encoding: type {@code 0x1213}, version 1, {@code header ‖ R1 ‖ π ‖ nonce}.
 */
public final class SignMessage3 implements ProtocolMessage {

    static final int TYPE = 0x1213;
    static final int ROUND = 3;

    private final MessageHeader header;
    private final EcPoint r1;
    private final DlogProof proof;
    private final byte[] nonce;

    SignMessage3(MessageHeader header, EcPoint r1, DlogProof proof, byte[] nonce) {
        this.header = header;
        this.r1 = r1;
        this.proof = proof;
        this.nonce = nonce.clone();
    }

    @Override
    public MessageHeader header() {
        return header;
    }

    EcPoint r1() {
        return r1;
    }

    static byte[] commitmentOf(SignContext sc, io.openwaas.mpc.common.PartyId p1, EcPoint r1, DlogProof proof,
                               byte[] nonce) {
        return Ecdsa2p.commitment(sc.label("R1"), sc.session(), p1, r1, KeygenMessage3.encodeProof(proof), nonce);
    }

    /** Envelope, opening against {@code commitment}, and the proof of knowledge of {@code log R1}. */
    public void validate(MessageContext ctx, SignContext sc, byte[] commitment) {
        header.validate(ctx);
        if (nonce.length != Ecdsa2p.NONCE_LENGTH
                || !MessageDigest.isEqual(commitmentOf(sc, sender(), r1, proof, nonce), commitment)) {
            throw Ecdsa2p.abort(ctx.protocol(), ctx.round(), AbortReason.INVALID_PROOF, sender(),
                    "opening does not match the commitment of message 1");
        }
        Ecdsa2p.checkProof(ctx.protocol(), ctx.round(), sender(), () -> proof.verify(Ecdsa2p.GROUP,
                Ecdsa2p.GROUP.generator(), r1, sc.label("R1"), ctx.session(), sender()));
    }

    @Override
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, 1);
        header.write(w);
        w.writeFixed(r1.encode());
        proof.write(w, Ecdsa2p.GROUP);
        return w.writeBytes(nonce).toBytes();
    }

    public static SignMessage3 parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, 1);
        MessageHeader h = MessageHeader.read(r);
        EcPoint r1 = Points.read(r, Ecdsa2p.GROUP);
        DlogProof p = DlogProof.read(r, Ecdsa2p.GROUP);
        byte[] nonce = r.readBytes(64);
        r.finish();
        return new SignMessage3(h, r1, p, nonce);
    }
}
