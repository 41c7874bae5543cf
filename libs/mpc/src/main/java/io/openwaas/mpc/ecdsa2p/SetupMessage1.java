package io.openwaas.mpc.ecdsa2p;

import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;

/**
 * Pairwise setup message 1, P2 → P1: P2's {@link SetupOffer} (fingerprints of the two verified aux setups in use).
 * Used by the 2-of-3 pair setups and by {@link Refresh}. Encoding: type {@code 0x1221}, version 2,
 * {@code header ‖ offer}.
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

    /** Envelope, and that P2 refers to {@code p2Verified} (P1's copy of P2's setup) and {@code p1Own}. */
    public void validate(MessageContext ctx, VerifiedAuxSetup p2Verified, VerifiedAuxSetup p1Own) {
        header.validate(ctx);
        offer.validate(ctx.protocol(), ctx.round(), sender(), p2Verified, p1Own);
    }

    @Override
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, 2);
        header.write(w);
        offer.write(w);
        return w.toBytes();
    }

    public static SetupMessage1 parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, 2);
        MessageHeader h = MessageHeader.read(r);
        SetupOffer o = SetupOffer.read(r);
        r.finish();
        return new SetupMessage1(h, o);
    }
}
