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
import io.openwaas.mpc.zk.RingPedersenParams;
import java.security.MessageDigest;

/**
 * Key generation message 3, P1 → P2: the opening of message 1 ({@code Q1}, {@code π_dlog(Q1)}, nonce) and P1's
 * {@link SetupResponse} ({@code N1}, {@code c_key} and the proofs) — Lindell17 key generation, steps 3–4.
 * Encoding: type {@code 0x1203}, version 2, {@code header ‖ Q1 ‖ π ‖ nonce ‖ response}.
 */
public final class KeygenMessage3 implements ProtocolMessage {

    static final int TYPE = 0x1203;
    static final int ROUND = 3;
    static final String LABEL = "ecdsa2p.keygen.Q1";

    private final MessageHeader header;
    private final EcPoint q1;
    private final DlogProof proof;
    private final byte[] nonce;
    private final SetupResponse response;

    KeygenMessage3(MessageHeader header, EcPoint q1, DlogProof proof, byte[] nonce, SetupResponse response) {
        this.header = header;
        this.q1 = q1;
        this.proof = proof;
        this.nonce = nonce.clone();
        this.response = response;
    }

    @Override
    public MessageHeader header() {
        return header;
    }

    EcPoint q1() {
        return q1;
    }

    SetupResponse response() {
        return response;
    }

    static byte[] commitmentOf(MessageContextLike c, EcPoint q1, DlogProof proof, byte[] nonce) {
        return Ecdsa2p.commitment(LABEL, c.session(), c.p1(), q1, encodeProof(proof), nonce);
    }

    static byte[] encodeProof(DlogProof proof) {
        WireWriter w = WireWriter.start(0x12FF, 1);
        proof.write(w, Ecdsa2p.GROUP);
        return w.toBytes();
    }

    /** Minimal view of who committed in which session. */
    record MessageContextLike(io.openwaas.mpc.common.SessionId session, io.openwaas.mpc.common.PartyId p1) {
    }

    /**
     * Envelope; the opening matches {@code commitment}; the proof of knowledge of {@code log Q1}; {@code Q1 + Q2} is
     * not the identity; then the whole {@link SetupResponse} under P2's parameters {@code rp2}.
     */
    public void validate(MessageContext ctx, byte[] commitment, EcPoint q2, RingPedersenParams rp2) {
        header.validate(ctx);
        byte[] opened = commitmentOf(new MessageContextLike(ctx.session(), sender()), q1, proof, nonce);
        if (nonce.length != Ecdsa2p.NONCE_LENGTH || !MessageDigest.isEqual(opened, commitment)) {
            throw Ecdsa2p.abort(ctx.protocol(), ctx.round(), AbortReason.INVALID_PROOF, sender(),
                    "opening does not match the commitment of message 1");
        }
        Ecdsa2p.checkProof(ctx.protocol(), ctx.round(), sender(), () -> proof.verify(Ecdsa2p.GROUP,
                Ecdsa2p.GROUP.generator(), q1, LABEL, ctx.session(), sender()));
        if (q1.add(q2).isIdentity()) {
            throw Ecdsa2p.abort(ctx.protocol(), ctx.round(), AbortReason.INVALID_POINT, sender(), "Q1 = −Q2");
        }
        response.validate(ctx.protocol(), ctx.round(), ctx.session(), sender(), q1, rp2);
    }

    @Override
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, 2);
        header.write(w);
        w.writeFixed(q1.encode());
        proof.write(w, Ecdsa2p.GROUP);
        w.writeBytes(nonce);
        response.write(w);
        return w.toBytes();
    }

    public static KeygenMessage3 parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, 2);
        MessageHeader h = MessageHeader.read(r);
        EcPoint q1 = Points.read(r, Ecdsa2p.GROUP);
        DlogProof p = DlogProof.read(r, Ecdsa2p.GROUP);
        byte[] nonce = r.readBytes(64);
        SetupResponse resp = SetupResponse.read(r);
        r.finish();
        return new KeygenMessage3(h, q1, p, nonce, resp);
    }

    /** A copy with another setup response (malicious-party simulation in tests). */
    KeygenMessage3 withResponse(SetupResponse other) {
        return new KeygenMessage3(header, q1, proof, nonce, other);
    }
}
