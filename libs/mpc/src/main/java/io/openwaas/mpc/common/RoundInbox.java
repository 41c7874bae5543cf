package io.openwaas.mpc.common;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Collects the validated messages of one round, one per expected sender.
 *
 * <p>A second message from the same sender for the same round is refused with
 * {@link AbortReason#REPLAYED_MESSAGE} even if identical: deduplicating at-least-once deliveries is the
 * transport's job (by message id), so a duplicate reaching the protocol is treated as a replay.
 *
 * @param <M> the message type of the round
 */
public final class RoundInbox<M extends ProtocolMessage> {

    private final MessageContext context;
    private final Consumer<M> validator;
    private final SortedMap<PartyId, M> received = new TreeMap<>();

    /**
     * @param context   the envelope expectations
     * @param validator the message's full {@code validate(…)} (header included), throwing
     *                  {@link MpcAbortException}
     */
    public RoundInbox(MessageContext context, Consumer<M> validator) {
        this.context = context;
        this.validator = validator;
    }

    public MessageContext context() {
        return context;
    }

    /** Validates and stores a message. */
    public void accept(M message) {
        PartyId sender = message.sender();
        if (received.containsKey(sender)) {
            throw MpcAbortException.blame(context.protocol(), context.round(), AbortReason.REPLAYED_MESSAGE, sender,
                    "second message from the same sender in this round");
        }
        validator.accept(message);
        received.put(sender, message);
    }

    /**
     * Decodes, checks and stores a message received from the transport-authenticated {@code from}.
     *
     * @param parser the message's {@code parse}; a {@link WireFormatException} becomes
     *               {@link AbortReason#MALFORMED_MESSAGE} naming {@code from}
     * @throws MpcAbortException {@link AbortReason#UNEXPECTED_SENDER} if the header names another sender than
     *                           {@code from}, or any error of {@link #accept}
     */
    public M accept(PartyId from, byte[] bytes, java.util.function.Function<byte[], M> parser) {
        M message;
        try {
            message = parser.apply(bytes);
        } catch (WireFormatException e) {
            throw MpcAbortException.blame(context.protocol(), context.round(), AbortReason.MALFORMED_MESSAGE, from,
                    e.getMessage());
        } catch (MpcAbortException e) {
            if (e.culprits().contains(from)) {
                throw e;
            }
            throw new MpcAbortException(context.protocol(), context.round(), e.reason(), java.util.Set.of(from),
                    e.getMessage());
        }
        if (!message.sender().equals(from)) {
            throw MpcAbortException.blame(context.protocol(), context.round(), AbortReason.UNEXPECTED_SENDER, from,
                    "header names another sender");
        }
        accept(message);
        return message;
    }

    /** Whether every expected sender has delivered. */
    public boolean isComplete() {
        return received.keySet().containsAll(context.expectedSenders());
    }

    /** Expected senders still missing. */
    public Set<PartyId> missing() {
        Set<PartyId> m = new TreeSet<>(context.expectedSenders());
        m.removeAll(received.keySet());
        return m;
    }

    /**
     * The messages, by sender.
     *
     * @throws MpcAbortException {@link AbortReason#MISSING_MESSAGE} naming the missing senders
     */
    public SortedMap<PartyId, M> messages() {
        Set<PartyId> missing = missing();
        if (!missing.isEmpty()) {
            throw new MpcAbortException(context.protocol(), context.round(), AbortReason.MISSING_MESSAGE, missing,
                    "round incomplete");
        }
        return Collections.unmodifiableSortedMap(new TreeMap<>(received));
    }

    /** The messages received so far (possibly incomplete). */
    public Map<PartyId, M> received() {
        return Collections.unmodifiableMap(received);
    }
}
