package io.openwaas.mpc.frost;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.Bytes;
import io.openwaas.mpc.common.Groups;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;

/**
 * FROST round 1 broadcast (RFC 9591 §5.1 {@code commit}; BIP 445 {@code NonceGen} public nonce): the signer's
 * nonce commitments, the key id of the sharing it signs with and the digest of the {@link SigningRequest} it was
 * given.
 *
 * <p>Encoding: type {@code 0x0210} v1: header, key id (32), request digest (32), hiding commitment, binding
 * commitment (strictly decoded: off-curve, identity or small-order points are rejected with
 * {@link AbortReason#INVALID_POINT}). {@link #validate} rejects a different key id
 * ({@link AbortReason#PUBLIC_KEY_MISMATCH}: a share of another sharing, e.g. an old share after a reshare) and a
 * different request ({@link AbortReason#PROTOCOL_VIOLATION}).
 */
public record CommitmentMessage(MessageHeader header, byte[] keyId, byte[] requestDigest, NonceCommitment commitment)
        implements ProtocolMessage {

    static final int TYPE = 0x0210;
    static final int VERSION = 1;
    public static final String PROTOCOL = "frost";

    @Override
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, VERSION);
        header.write(w);
        w.writeFixed(keyId).writeFixed(requestDigest);
        Groups.writePoint(w, commitment.hiding());
        Groups.writePoint(w, commitment.binding());
        return w.toBytes();
    }

    public static CommitmentMessage parse(byte[] bytes, EcGroup group) {
        WireReader r = WireReader.open(bytes, TYPE, VERSION);
        MessageHeader h = MessageHeader.read(r);
        byte[] keyId = r.readFixed(32);
        byte[] digest = r.readFixed(32);
        byte[] d = Groups.readPointBytes(r, group);
        byte[] e = Groups.readPointBytes(r, group);
        r.finish();
        return new CommitmentMessage(h, keyId, digest, new NonceCommitment(
                Groups.decodePoint(group, d, h.protocol(), h.round(), h.sender()),
                Groups.decodePoint(group, e, h.protocol(), h.round(), h.sender())));
    }

    /** Envelope, key id and request checks. */
    public void validate(MessageContext ctx, byte[] expectedKeyId, byte[] expectedRequestDigest) {
        header.validate(ctx);
        if (!Bytes.constantTimeEquals(keyId, expectedKeyId)) {
            throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.PUBLIC_KEY_MISMATCH, sender(),
                    "commitment made with a share of another sharing (key id differs)");
        }
        if (!Bytes.constantTimeEquals(requestDigest, expectedRequestDigest)) {
            throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.PROTOCOL_VIOLATION, sender(),
                    "signer was given a different signing request");
        }
    }
}
