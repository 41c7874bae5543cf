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
 * Signing message 2, P2 → P1: {@code R2 = k2·G} with {@code π_dlog(R2)} (Lindell17 §3 signing, step 2). Encoding:
 * type {@code 0x1212}, version 1, {@code header ‖ R2 ‖ π}.
 */
public final class SignMessage2 implements ProtocolMessage {

    static final int TYPE = 0x1212;
    static final int ROUND = 2;

    private final MessageHeader header;
    private final EcPoint r2;
    private final DlogProof proof;

    SignMessage2(MessageHeader header, EcPoint r2, DlogProof proof) {
        this.header = header;
        this.r2 = r2;
        this.proof = proof;
    }

    @Override
    public MessageHeader header() {
        return header;
    }

    EcPoint r2() {
        return r2;
    }

    DlogProof proofForTest() {
        return proof;
    }

    public void validate(MessageContext ctx, SignContext sc) {
        header.validate(ctx);
        Ecdsa2p.checkProof(ctx.protocol(), ctx.round(), sender(), () -> proof.verify(Ecdsa2p.GROUP,
                Ecdsa2p.GROUP.generator(), r2, sc.label("R2"), ctx.session(), sender()));
    }

    @Override
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, 1);
        header.write(w);
        w.writeFixed(r2.encode());
        proof.write(w, Ecdsa2p.GROUP);
        return w.toBytes();
    }

    public static SignMessage2 parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, 1);
        MessageHeader h = MessageHeader.read(r);
        EcPoint r2 = Points.read(r, Ecdsa2p.GROUP);
        DlogProof p = DlogProof.read(r, Ecdsa2p.GROUP);
        r.finish();
        return new SignMessage2(h, r2, p);
    }
}
