package io.openwaas.mpc.common;

/**
 * The convention every incoming protocol message of {@code libs/mpc} follows.
 *
 * <ol>
 *   <li>A message is an immutable object with a {@link MessageHeader} and public content only (secrets that
 *       travel point-to-point, such as Shamir shares, are in their own destroyable field and are encrypted by
 *       the transport).</li>
 *   <li>{@link #toBytes()} gives the canonical {@link WireWriter} encoding; a static {@code parse(byte[])}
 *       on the concrete class decodes it with {@link WireReader}, rejecting anything non-canonical
 *       ({@link WireFormatException}). Decoding checks only syntax.</li>
 *   <li>A {@code validate(…)} method on the concrete class checks the header
 *       ({@link MessageHeader#validate(MessageContext)}), then every semantic rule (points on the curve and
 *       not the identity, scalars in range, vector lengths, proofs). It throws an
 *       {@link MpcAbortException} naming the round and the sender as culprit. A round consumes only
 *       validated messages.</li>
 *   <li>A round collects its messages through {@link RoundInbox}, which also rejects a second message
 *       from the same sender (replay).</li>
 * </ol>
 */
public interface ProtocolMessage {

    /** The envelope. */
    MessageHeader header();

    /** The canonical encoding. */
    byte[] toBytes();

    /** Shorthand for {@code header().sender()}. */
    default PartyId sender() {
        return header().sender();
    }
}
