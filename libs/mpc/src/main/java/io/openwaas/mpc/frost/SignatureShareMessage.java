package io.openwaas.mpc.frost;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.mpc.common.EchoBroadcast;
import io.openwaas.mpc.common.Groups;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * FROST round 2 message to the aggregator (RFC 9591 §5.2 {@code sign} output; BIP 445 {@code Sign} partial
 * signature): the signature share {@code z_i} and the signer's echo of every round-1 commitment message it used
 * (threat lines 14, 15: the aggregator rejects inconsistent commitment lists and names the equivocator).
 *
 * <p>Encoding: type {@code 0x0211} v1: header, echo view, {@code z_i} (32 bytes big-endian for both groups;
 * {@code z_i ≥ q} is rejected by {@link #validate} with {@code OUT_OF_RANGE}).
 */
public record SignatureShareMessage(MessageHeader header, SortedMap<PartyId, byte[]> echo, BigInteger share)
        implements ProtocolMessage {

    static final int TYPE = 0x0211;
    static final int VERSION = 1;

    public SignatureShareMessage {
        echo = Collections.unmodifiableSortedMap(new TreeMap<>(echo));
    }

    @Override
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, VERSION);
        header.write(w);
        EchoBroadcast.write(w, echo);
        w.writeFixed(io.openwaas.mpc.common.Bytes.fixed(share, 32));
        return w.toBytes();
    }

    public static SignatureShareMessage parse(byte[] bytes, EcGroup group) {
        WireReader r = WireReader.open(bytes, TYPE, VERSION);
        MessageHeader h = MessageHeader.read(r);
        SortedMap<PartyId, byte[]> echo = EchoBroadcast.read(r, io.openwaas.mpc.dkg.DkgParameters.MAX_PARTIES);
        BigInteger z = new BigInteger(1, r.readFixed(32));
        r.finish();
        return new SignatureShareMessage(h, echo, z);
    }

    /** Envelope, echo and range checks. */
    public void validate(MessageContext ctx, Map<PartyId, byte[]> myView, EcGroup group) {
        header.validate(ctx);
        EchoBroadcast.check(ctx.protocol(), ctx.round(), ctx.self(), sender(), myView, echo);
        Groups.checkScalar(group, share, ctx.protocol(), ctx.round(), sender());
    }
}
