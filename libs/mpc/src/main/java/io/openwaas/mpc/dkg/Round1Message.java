package io.openwaas.mpc.dkg;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.Groups;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * DKG round 1 broadcast (FROST paper Figure 1, round 1, step 4): the Feldman commitment vector
 * {@code C_i = (a_i0·G, …, a_i(t−1)·G)} and the proof of knowledge of {@code a_i0}.
 *
 * <p>Encoding: type {@code 0x0110} v1: header, count, {@code count} points, proof {@code R} (point), proof {@code μ}
 * (scalar, group byte order). Parsing decodes points strictly (invalid → {@link AbortReason#INVALID_POINT} naming
 * the sender); {@link #validate} checks the header, the vector length ({@code t}, line 9), {@code μ < q} and the
 * proof (line 11).
 */
public record Round1Message(MessageHeader header, List<EcPoint> commitments, SchnorrProof proof)
        implements ProtocolMessage {

    static final int TYPE = 0x0110;
    static final int VERSION = 1;
    public static final String PROTOCOL = "dkg";

    public Round1Message {
        commitments = List.copyOf(commitments);
    }

    @Override
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, VERSION);
        header.write(w);
        w.writeCount(commitments.size());
        for (EcPoint c : commitments) {
            Groups.writePoint(w, c);
        }
        Groups.writePoint(w, proof.r());
        EcGroup g = proof.r().group();
        // μ is written in fixed width without reduction so an out-of-range value reaches validate().
        byte[] mu = io.openwaas.mpc.common.Bytes.fixed(proof.mu(), g.scalarLength());
        w.writeFixed(g == io.openwaas.crypto.ec.Ed25519Group.GROUP ? io.openwaas.mpc.common.Bytes.reverse(mu) : mu);
        return w.toBytes();
    }

    /** Decodes; see the class documentation for what is checked here. */
    public static Round1Message parse(byte[] bytes, EcGroup group) {
        WireReader r = WireReader.open(bytes, TYPE, VERSION);
        MessageHeader h = MessageHeader.read(r);
        int n = r.readCount(DkgParameters.MAX_PARTIES + 1);
        List<byte[]> raw = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            raw.add(Groups.readPointBytes(r, group));
        }
        byte[] rBytes = Groups.readPointBytes(r, group);
        BigInteger mu = Groups.readScalarUnchecked(r, group);
        r.finish();
        List<EcPoint> cs = new ArrayList<>();
        for (byte[] b : raw) {
            cs.add(Groups.decodePoint(group, b, h.protocol(), h.round(), h.sender()));
        }
        EcPoint rp = Groups.decodePoint(group, rBytes, h.protocol(), h.round(), h.sender());
        return new Round1Message(h, cs, new SchnorrProof(rp, mu));
    }

    /** Full validation against the execution's parameters. */
    public void validate(MessageContext ctx, DkgParameters params) {
        header.validate(ctx);
        PartyIdCheck.check(ctx, sender());
        if (commitments.size() != params.threshold()) {
            throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.WRONG_LENGTH, sender(),
                    "commitment vector of length " + commitments.size() + ", expected " + params.threshold());
        }
        Groups.checkScalar(params.group(), proof.mu(), ctx.protocol(), ctx.round(), sender());
        if (!proof.verify(Round1.statement(params, sender(), commitments))) {
            throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.INVALID_PROOF, sender(),
                    "proof of knowledge of the constant term does not verify");
        }
    }
}
