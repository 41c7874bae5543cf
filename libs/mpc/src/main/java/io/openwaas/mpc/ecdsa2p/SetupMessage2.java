package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.zk.RingPedersenParams;

/**
 * Pairwise setup message 2, P1 → P2: P1's {@link SetupResponse} ({@code N1}, {@code c_key}, Π^mod, Π^fac,
 * Π^log*). Encoding: type {@code 0x1222}, version 2, {@code header ‖ response}.
 */
public final class SetupMessage2 implements ProtocolMessage {

    static final int TYPE = 0x1222;
    static final int ROUND = 2;

    private final MessageHeader header;
    private final SetupResponse response;

    SetupMessage2(MessageHeader header, SetupResponse response) {
        this.header = header;
        this.response = response;
    }

    @Override
    public MessageHeader header() {
        return header;
    }

    SetupResponse response() {
        return response;
    }

    /** Envelope and every proof, against the expected {@code Q1} and P2's own parameters. */
    public void validate(MessageContext ctx, EcPoint q1, RingPedersenParams rp2) {
        header.validate(ctx);
        response.validate(ctx.protocol(), ctx.round(), ctx.session(), sender(), q1, rp2);
    }

    @Override
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, 2);
        header.write(w);
        response.write(w);
        return w.toBytes();
    }

    public static SetupMessage2 parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, 2);
        MessageHeader h = MessageHeader.read(r);
        SetupResponse resp = SetupResponse.read(r);
        r.finish();
        return new SetupMessage2(h, resp);
    }

    SetupMessage2 withResponse(SetupResponse other) {
        return new SetupMessage2(header, other);
    }
}
