package io.openwaas.mpc.reshare;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.Bytes;
import io.openwaas.mpc.common.EchoBroadcast;
import io.openwaas.mpc.common.Groups;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.dkg.DkgParameters;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reshare round 1, dealer {@code i} to new holder {@code j} (point-to-point; encrypt in transport): the old key id,
 * the Feldman commitments of the dealer's new polynomial {@code g_i} (the broadcast part, echoed in round 2) and the
 * secret share {@code g_i(j)}.
 *
 * <p>Encoding: type {@code 0x0310} v1: header, old key id (32), count, points, share (32 bytes big-endian).
 */
public record DealerMessage(MessageHeader header, byte[] oldKeyId, List<EcPoint> commitments, SecretScalar share)
        implements ProtocolMessage {

    static final int TYPE = 0x0310;
    static final int BROADCAST_PART = 0x0311;
    static final int VERSION = 1;
    public static final String PROTOCOL = "reshare";

    public DealerMessage {
        commitments = List.copyOf(commitments);
        oldKeyId = oldKeyId.clone();
    }

    @Override
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, VERSION);
        header.write(w);
        writePublic(w);
        w.writeSecret(share);
        return w.toBytes();
    }

    private void writePublic(WireWriter w) {
        w.writeFixed(oldKeyId).writeCount(commitments.size());
        commitments.forEach(c -> Groups.writePoint(w, c));
    }

    /**
     * The part every new holder must have received identically: sender, session, old key id and commitments — the
     * input of the echo digest.
     */
    public byte[] broadcastPart() {
        WireWriter w = WireWriter.start(BROADCAST_PART, VERSION);
        w.writeSessionId(header.session()).writePartyId(header.sender());
        writePublic(w);
        return w.toBytes();
    }

    public static DealerMessage parse(byte[] bytes, EcGroup group) {
        WireReader r = WireReader.open(bytes, TYPE, VERSION);
        MessageHeader h = MessageHeader.read(r);
        byte[] keyId = r.readFixed(32);
        int n = r.readCount(DkgParameters.MAX_PARTIES + 1);
        List<byte[]> raw = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            raw.add(Groups.readPointBytes(r, group));
        }
        byte[] s = r.readFixed(group.scalarLength());
        r.finish();
        BigInteger v = new BigInteger(1, s);
        Arrays.fill(s, (byte) 0);
        if (v.compareTo(group.order()) >= 0) {
            throw MpcAbortException.blame(h.protocol(), h.round(), AbortReason.OUT_OF_RANGE, h.sender(),
                    "share not below q");
        }
        List<EcPoint> cs = new ArrayList<>();
        for (byte[] b : raw) {
            cs.add(Groups.decodePoint(group, b, h.protocol(), h.round(), h.sender()));
        }
        return new DealerMessage(h, keyId, cs, SecretScalar.of(v, group.order()));
    }

    /**
     * Envelope, old key id, vector length {@code t_new} (line 9), the constant term {@code C_i0 == λ_i·Y_i} (the
     * dealer re-shares exactly its Lagrange-weighted old share) and the share against the commitments.
     */
    public void validate(MessageContext ctx, ReshareParameters params) {
        header.validate(ctx);
        PartyId dealer = sender();
        if (!Bytes.constantTimeEquals(oldKeyId, params.oldKey().keyId())) {
            throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.PUBLIC_KEY_MISMATCH, dealer,
                    "dealer reshares another sharing");
        }
        if (commitments.size() != params.newThreshold()) {
            throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.WRONG_LENGTH, dealer,
                    "commitment vector of length " + commitments.size() + ", expected " + params.newThreshold());
        }
        EcGroup g = params.group();
        BigInteger q = g.order();
        EcPoint expected = params.oldKey().verificationShare(dealer)
                .multiply(io.openwaas.mpc.common.Lagrange.coefficient(dealer, params.dealers(), q));
        if (!commitments.get(0).equals(expected)) {
            throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.INVALID_SHARE, dealer,
                    "constant term is not the dealer's Lagrange-weighted verification share");
        }
        EcPoint shareCheck = Groups.evaluateCommitment(commitments, params.self().toScalar(q), q);
        if (share.isZero() || !g.mulBase(share.value()).equals(shareCheck)) {
            throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.INVALID_SHARE, dealer,
                    "share does not match the dealer's commitments");
        }
    }

    /** The echo digest of the broadcast part. */
    byte[] echoDigest() {
        return EchoBroadcast.digest(header.session(), broadcastPart());
    }

    @Override
    public String toString() {
        return "DealerMessage[" + header + ", share redacted]";
    }
}
