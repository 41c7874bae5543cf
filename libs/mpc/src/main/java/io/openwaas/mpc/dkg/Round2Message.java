package io.openwaas.mpc.dkg;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.EchoBroadcast;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * DKG round 2 point-to-point message (FROST paper Figure 1, round 2, step 1): the secret share {@code f_i(j)} for
 * the recipient {@code j}, plus the sender's echo of every round-1 broadcast (threat line 15).
 *
 * <p>The share travels in clear inside this encoding: the transport must encrypt and authenticate
 * point-to-point messages. Encoding: type {@code 0x0111} v1: header, echo view, share (32 bytes big-endian). A share
 * {@code ≥ q} is rejected with {@link AbortReason#OUT_OF_RANGE} naming the sender.
 */
public record Round2Message(MessageHeader header, SortedMap<PartyId, byte[]> echo, SecretScalar share)
        implements ProtocolMessage {

    static final int TYPE = 0x0111;
    static final int VERSION = 1;

    public Round2Message {
        echo = Collections.unmodifiableSortedMap(new TreeMap<>(echo));
    }

    @Override
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, VERSION);
        header.write(w);
        EchoBroadcast.write(w, echo);
        w.writeSecret(share);
        return w.toBytes();
    }

    public static Round2Message parse(byte[] bytes, EcGroup group) {
        WireReader r = WireReader.open(bytes, TYPE, VERSION);
        MessageHeader h = MessageHeader.read(r);
        SortedMap<PartyId, byte[]> echo = EchoBroadcast.read(r, DkgParameters.MAX_PARTIES);
        byte[] raw = r.readFixed(group.scalarLength());
        r.finish();
        BigInteger s = new BigInteger(1, raw);
        Arrays.fill(raw, (byte) 0);
        if (s.compareTo(group.order()) >= 0) {
            throw MpcAbortException.blame(h.protocol(), h.round(), AbortReason.OUT_OF_RANGE, h.sender(),
                    "share not below q");
        }
        return new Round2Message(h, echo, SecretScalar.of(s, group.order()));
    }

    /** Envelope and echo checks (share consistency is checked by {@link Round3}). */
    public void validate(MessageContext ctx, Map<PartyId, byte[]> myView) {
        header.validate(ctx);
        EchoBroadcast.check(ctx.protocol(), ctx.round(), ctx.self(), sender(), myView, echo);
        if (share.isZero()) {
            throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.OUT_OF_RANGE, sender(),
                    "zero share");
        }
    }

    @Override
    public String toString() {
        return "Round2Message[" + header + ", share redacted]";
    }
}
