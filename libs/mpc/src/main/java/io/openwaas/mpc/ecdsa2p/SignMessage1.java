package io.openwaas.mpc.ecdsa2p;

import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;

/**
 * Signing message 1, P1 → P2: a commitment to {@code (R1, π_dlog(R1))} (Lindell17 §3 signing, step 1). Encoding:
 * type {@code 0x1211}, version 1, {@code header ‖ commitment(32)}.
 */
public final class SignMessage1 implements ProtocolMessage {

    static final int TYPE = 0x1211;
    static final int ROUND = 1;

    private final MessageHeader header;
    private final byte[] commitment;

    SignMessage1(MessageHeader header, byte[] commitment) {
        this.header = header;
        this.commitment = commitment.clone();
    }

    @Override
    public MessageHeader header() {
        return header;
    }

    byte[] commitment() {
        return commitment.clone();
    }

    public void validate(MessageContext ctx) {
        header.validate(ctx);
        if (commitment.length != Ecdsa2p.COMMITMENT_LENGTH) {
            throw Ecdsa2p.abort(ctx.protocol(), ctx.round(), AbortReason.WRONG_LENGTH, sender(), "commitment length");
        }
    }

    @Override
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, 1);
        header.write(w);
        return w.writeBytes(commitment).toBytes();
    }

    public static SignMessage1 parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, 1);
        MessageHeader h = MessageHeader.read(r);
        byte[] c = r.readBytes(64);
        r.finish();
        return new SignMessage1(h, c);
    }
}
