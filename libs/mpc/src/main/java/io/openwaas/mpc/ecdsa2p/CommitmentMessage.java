package io.openwaas.mpc.ecdsa2p;

import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;

/**
 * A P1 → P2 message that carries only a hash commitment (key generation and signing both open with one). Encoding:
 * {@code type}, version 1, {@code header ‖ commitment}.
 */
abstract sealed class CommitmentMessage implements ProtocolMessage permits KeygenMessage1, SignMessage1 {

    private final int type;
    private final MessageHeader header;
    private final byte[] commitment;

    CommitmentMessage(int type, MessageHeader header, byte[] commitment) {
        this.type = type;
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

    /** Checks the envelope and the commitment length. */
    public void validate(MessageContext ctx) {
        header.validate(ctx);
        if (commitment.length != Ecdsa2p.COMMITMENT_LENGTH) {
            throw Ecdsa2p.abort(ctx.protocol(), ctx.round(), AbortReason.WRONG_LENGTH, sender(), "commitment length");
        }
    }

    @Override
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(type, 1);
        header.write(w);
        return w.writeBytes(commitment).toBytes();
    }

    /** The decoded fields of a commitment message of the given type. */
    record Fields(MessageHeader header, byte[] commitment) {
    }

    static Fields read(byte[] bytes, int type) {
        WireReader r = WireReader.open(bytes, type, 1);
        MessageHeader h = MessageHeader.read(r);
        byte[] c = r.readBytes(64);
        r.finish();
        return new Fields(h, c);
    }
}
