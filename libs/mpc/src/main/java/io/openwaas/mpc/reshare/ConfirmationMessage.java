package io.openwaas.mpc.reshare;

import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.Bytes;
import io.openwaas.mpc.common.EchoBroadcast;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.dkg.DkgParameters;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reshare round 2 broadcast among the new holders: the echo of every dealer's commitments and the new key id the
 * sender computed. Every new holder finalises only when all confirmations agree with its own view (threat lines 15
 * and 23: no holder switches to a sharing the others do not have).
 *
 * <p>Encoding: type {@code 0x0312} v1: header, echo view, new key id (32).
 */
public record ConfirmationMessage(MessageHeader header, SortedMap<PartyId, byte[]> echo, byte[] newKeyId)
        implements ProtocolMessage {

    static final int TYPE = 0x0312;
    static final int VERSION = 1;

    public ConfirmationMessage {
        echo = Collections.unmodifiableSortedMap(new TreeMap<>(echo));
        newKeyId = newKeyId.clone();
    }

    @Override
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, VERSION);
        header.write(w);
        EchoBroadcast.write(w, echo);
        w.writeFixed(newKeyId);
        return w.toBytes();
    }

    public static ConfirmationMessage parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, VERSION);
        MessageHeader h = MessageHeader.read(r);
        SortedMap<PartyId, byte[]> echo = EchoBroadcast.read(r, DkgParameters.MAX_PARTIES);
        byte[] id = r.readFixed(32);
        r.finish();
        return new ConfirmationMessage(h, echo, id);
    }

    public void validate(MessageContext ctx, Map<PartyId, byte[]> myView, byte[] myNewKeyId) {
        header.validate(ctx);
        EchoBroadcast.check(ctx.protocol(), ctx.round(), ctx.self(), sender(), myView, echo);
        if (!Bytes.constantTimeEquals(newKeyId, myNewKeyId)) {
            throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.PROTOCOL_VIOLATION, sender(),
                    "new key id differs");
        }
    }
}
