package io.openwaas.mpc.ecdsa2p;

import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;

/**
 * Pairwise setup message 1, P2 → P1: P2's {@link SetupOffer} (ring-Pedersen parameters and Π^prm). Used by the
 * 2-of-3 pair setups and by {@link Refresh}. Encoding: type {@code 0x1221}, version 1, {@code header ‖ offer}.
 */
public final class SetupMessage1 implements ProtocolMessage {

    static final int TYPE = 0x1221;
    static final int ROUND = 1;

    private final MessageHeader header;
    private final SetupOffer offer;

    SetupMessage1(MessageHeader header, SetupOffer offer) {
        this.header = header;
        this.offer = offer;
    }

    @Override
    public MessageHeader header() {
        return header;
    }

    SetupOffer offer() {
        return offer;
    }

    public void validate(MessageContext ctx) {
        header.validate(ctx);
        offer.validate(ctx.protocol(), ctx.round(), ctx.session(), sender());
    }

    @Override
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, 1);
        header.write(w);
        offer.write(w);
        return w.toBytes();
    }

    public static SetupMessage1 parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, 1);
        MessageHeader h = MessageHeader.read(r);
        SetupOffer o = SetupOffer.read(r);
        r.finish();
        return new SetupMessage1(h, o);
    }
}
