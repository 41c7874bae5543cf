package io.openwaas.mpc.frost;

import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.EchoBroadcast;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.RoundInbox;
import io.openwaas.mpc.dkg.GroupKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * FROST signature aggregation (RFC 9591 §5.3 {@code aggregate} and §5.4 {@code verify_signature_share}; draft
 * BIP 445 {@code PartialSigAgg} / {@code PartialSigVerify}). A role, not a share holder: it can run at the
 * coordinator (tss-service) or at any signer; it sees every commitment broadcast and every share.
 *
 * <p>Checks, in order: each commitment (as in {@link Round2}); each share message's echo against its own view of the
 * commitments ({@link AbortReason#EQUIVOCATION} naming the equivocating signer, threat lines 14 and 15) and
 * {@code z_i < q}. It then aggregates and verifies the signature with the scheme's verifier; only if that fails does
 * it verify the shares one by one and abort with {@link AbortReason#INVALID_SIGNATURE_SHARE} naming every signer
 * whose share is wrong.
 */
public final class Aggregator {

    private final GroupKey key;
    private final SigningRequest request;
    private final PartyId self;
    private final RoundInbox<CommitmentMessage> commitments;
    private final MessageContext shareContext;
    private final Map<PartyId, SignatureShareMessage> shares = new TreeMap<>();
    private boolean finished;
    private Round2 colocated;

    /**
     * @param self the id of the signer this aggregator runs next to, or {@code null} at a coordinator holding no share
     */
    public Aggregator(GroupKey key, SigningRequest request, PartyId self) {
        this.key = key;
        this.request = request;
        this.self = self;
        byte[] digest = request.digest(key);
        byte[] keyId = key.keyId();
        MessageContext ctx = new MessageContext(CommitmentMessage.PROTOCOL, 1, request.session(), null,
                new java.util.HashSet<>(request.signers()), false);
        this.commitments = new RoundInbox<>(ctx, m -> m.validate(ctx, keyId, digest));
        this.shareContext = new MessageContext(CommitmentMessage.PROTOCOL, 2, request.session(), null,
                new java.util.HashSet<>(request.signers()), false);
    }

    /** A round-1 commitment broadcast (including the co-located signer's own). */
    public void receiveCommitment(PartyId from, byte[] bytes) {
        commitments.accept(from, bytes, b -> CommitmentMessage.parse(b, request.scheme().group()));
    }

    /**
     * A commitment already decoded and validated by the co-located signer's {@link Round2#receive} (or its own
     * {@link Round1.Output#broadcast()}): re-validated against this aggregator's context without decoding the points
     * again.
     */
    public void receiveCommitment(CommitmentMessage message) {
        commitments.accept(message);
    }

    /**
     * Declares the signer this aggregator runs next to. After that signer's share has passed the echo check (so it
     * signed over exactly this aggregator's commitment list), {@link #finish()} reuses the binding factors, group
     * commitment and challenge that signer computed instead of recomputing them.
     */
    public void attach(Round2 colocatedSigner) {
        if (self == null || !self.equals(colocatedSigner.self())) {
            throw new IllegalArgumentException("not the co-located signer");
        }
        if (!java.util.Arrays.equals(colocatedSigner.requestDigest(), request.digest(key))) {
            throw new IllegalArgumentException("the co-located signer signs another request");
        }
        this.colocated = colocatedSigner;
    }

    /** A round-2 share; requires every commitment first. */
    public void receiveShare(PartyId from, byte[] bytes) {
        SortedMap<PartyId, CommitmentMessage> comms = commitments.messages();
        SignatureShareMessage m;
        try {
            m = SignatureShareMessage.parse(bytes, request.scheme().group());
        } catch (io.openwaas.mpc.common.WireFormatException e) {
            throw MpcAbortException.blame(shareContext.protocol(), 2, AbortReason.MALFORMED_MESSAGE, from,
                    e.getMessage());
        }
        if (!m.sender().equals(from)) {
            throw MpcAbortException.blame(shareContext.protocol(), 2, AbortReason.UNEXPECTED_SENDER, from,
                    "header names another sender");
        }
        if (shares.containsKey(from)) {
            throw MpcAbortException.blame(shareContext.protocol(), 2, AbortReason.REPLAYED_MESSAGE, from,
                    "second share from the same signer");
        }
        SortedMap<PartyId, byte[]> view = new TreeMap<>();
        comms.forEach((p, c) -> view.put(p, EchoBroadcast.digest(request.session(), c.toBytes())));
        m.header().validate(shareContext);
        EchoBroadcast.check(shareContext.protocol(), 2, self, from, view, m.echo());
        io.openwaas.mpc.common.Groups.checkScalar(request.scheme().group(), m.share(), shareContext.protocol(), 2,
                from);
        shares.put(from, m);
    }

    public boolean isComplete() {
        return commitments.isComplete() && shares.keySet().containsAll(request.signers());
    }

    /** Aggregates and verifies. */
    public FrostSignature finish() {
        if (finished) {
            throw new IllegalStateException("already aggregated");
        }
        SortedMap<PartyId, NonceCommitment> list = new TreeMap<>();
        commitments.messages().forEach((p, m) -> list.put(p, m.commitment()));
        TreeSet<PartyId> missing = new TreeSet<>(request.signers());
        missing.removeAll(shares.keySet());
        if (!missing.isEmpty()) {
            throw new MpcAbortException(shareContext.protocol(), 2, AbortReason.MISSING_MESSAGE, missing,
                    "signature shares missing");
        }
        finished = true;
        SigningSession session = colocated != null && colocated.session() != null && shares.containsKey(self)
                ? colocated.session() : new SigningSession(key, request, list);
        List<BigInteger> zs = new ArrayList<>();
        request.signers().forEach(p -> zs.add(shares.get(p).share()));
        FrostSignature sig = new FrostSignature(request.scheme(), session.aggregate(zs), session.verifyingKey());
        if (session.verifyAggregate(sig.signature())) {
            return sig;
        }
        List<PartyId> culprits = new ArrayList<>();
        for (PartyId p : request.signers()) {
            if (!session.verifyShare(p, shares.get(p).share())) {
                culprits.add(p);
            }
        }
        throw new MpcAbortException(shareContext.protocol(), 2, culprits.isEmpty() ? AbortReason.INVALID_SIGNATURE
                : AbortReason.INVALID_SIGNATURE_SHARE, culprits, "aggregate signature does not verify");
    }
}
