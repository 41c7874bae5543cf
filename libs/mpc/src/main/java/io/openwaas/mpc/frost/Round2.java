package io.openwaas.mpc.frost;

import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.EchoBroadcast;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.RoundInbox;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.dkg.KeyShare;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * FROST round 2, signature share (RFC 9591 §5.2 {@code sign}; draft BIP 445 {@code Sign}).
 *
 * <p>Collects the other signers' {@link CommitmentMessage}s (each validated: session, round, sender, key id —
 * shares of another sharing are refused —, request digest, points), builds the full commitment list, computes the
 * binding factors over it, the group commitment, the challenge and {@code z_i}, and returns a
 * {@link SignatureShareMessage} for the aggregator carrying the echo of the list. The nonces are destroyed before
 * the share is returned; a second {@link #sign()} is refused with {@link AbortReason#NONCE_REUSE} (threat line 12).
 */
public final class Round2 {

    private final KeyShare share;
    private final SigningRequest request;
    private final CommitmentMessage own;
    private final SecretScalar hiding;
    private final SecretScalar binding;
    private final RoundInbox<CommitmentMessage> inbox;
    private final byte[] digest;
    private boolean used;
    private SigningSession session;

    Round2(KeyShare share, SigningRequest request, byte[] digest, CommitmentMessage own, SecretScalar hiding,
           SecretScalar binding) {
        this.share = share;
        this.request = request;
        this.own = own;
        this.hiding = hiding;
        this.binding = binding;
        this.digest = digest.clone();
        Set<PartyId> others = new HashSet<>(request.signers());
        others.remove(share.self());
        MessageContext ctx = new MessageContext(CommitmentMessage.PROTOCOL, 1, request.session(), share.self(), others,
                false);
        byte[] keyId = share.groupKey().keyId();
        this.inbox = new RoundInbox<>(ctx, m -> m.validate(ctx, keyId, digest));
    }

    /**
     * Decodes and validates another signer's commitment.
     *
     * @return the validated message (a co-located {@link Aggregator} can take it without decoding again)
     */
    public CommitmentMessage receive(PartyId from, byte[] bytes) {
        return inbox.accept(from, bytes, b -> CommitmentMessage.parse(b, request.scheme().group()));
    }

    public boolean isComplete() {
        return inbox.isComplete();
    }

    public Set<PartyId> missing() {
        return inbox.missing();
    }

    /** The output of round 2: the share message for the aggregator. */
    public record Output(SignatureShareMessage toAggregator) {
    }

    /** Signs once. */
    public Output sign() {
        if (used || hiding.isDestroyed()) {
            throw MpcAbortException.blame(CommitmentMessage.PROTOCOL, 2, AbortReason.NONCE_REUSE, null,
                    "nonces already used: a FROST nonce signs at most once");
        }
        SortedMap<PartyId, CommitmentMessage> all = new TreeMap<>(inbox.messages());
        used = true;
        all.put(share.self(), own);
        SortedMap<PartyId, NonceCommitment> list = new TreeMap<>();
        SortedMap<PartyId, byte[]> view = new TreeMap<>();
        all.forEach((p, m) -> {
            list.put(p, m.commitment());
            view.put(p, EchoBroadcast.digest(request.session(), m.toBytes()));
        });
        BigInteger z;
        try {
            session = new SigningSession(share.groupKey(), request, list);
            z = session.signShare(share.self(), hiding.value(), binding.value(), share.secretShare().value());
        } finally {
            hiding.destroy();
            binding.destroy();
        }
        return new Output(new SignatureShareMessage(MessageHeader.broadcast(CommitmentMessage.PROTOCOL, 2,
                request.session(), share.self()), view, z));
    }

    /** The session values this signer computed (for a co-located {@link Aggregator}); null before signing. */
    SigningSession session() {
        return session;
    }

    PartyId self() {
        return share.self();
    }

    byte[] requestDigest() {
        return digest.clone();
    }
}
