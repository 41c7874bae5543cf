package io.openwaas.mpc.common;

import java.util.Objects;
import java.util.Optional;

/**
 * The public envelope of every protocol message: protocol name, round number, session id, sender, and the
 * recipient for a point-to-point message ({@code null} for a broadcast). It is the first field of every
 * message encoding ({@link #write(WireWriter)} / {@link #read(WireReader)}) and is checked by
 * {@link #validate(MessageContext)} before any content is looked at.
 */
public record MessageHeader(String protocol, int round, SessionId session, PartyId sender, PartyId recipient) {

    /** Longest protocol name accepted on the wire. */
    public static final int MAX_PROTOCOL_LENGTH = 64;

    public MessageHeader {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(sender, "sender");
        if (round < 0 || round > 0xFF) {
            throw new IllegalArgumentException("round out of range");
        }
    }

    /** A broadcast header. */
    public static MessageHeader broadcast(String protocol, int round, SessionId session, PartyId sender) {
        return new MessageHeader(protocol, round, session, sender, null);
    }

    /** A point-to-point header. */
    public static MessageHeader direct(String protocol, int round, SessionId session, PartyId sender,
                                       PartyId recipient) {
        return new MessageHeader(protocol, round, session, sender, Objects.requireNonNull(recipient, "recipient"));
    }

    public boolean isBroadcast() {
        return recipient == null;
    }

    public Optional<PartyId> recipientIfDirect() {
        return Optional.ofNullable(recipient);
    }

    public void write(WireWriter w) {
        w.writeString(protocol).writeU8(round).writeSessionId(session).writePartyId(sender);
        w.writeBoolean(recipient != null);
        if (recipient != null) {
            w.writePartyId(recipient);
        }
    }

    public static MessageHeader read(WireReader r) {
        String protocol = r.readString(MAX_PROTOCOL_LENGTH);
        int round = r.readU8();
        SessionId session = r.readSessionId();
        PartyId sender = r.readPartyId();
        PartyId recipient = r.readBoolean() ? r.readPartyId() : null;
        return new MessageHeader(protocol, round, session, sender, recipient);
    }

    /**
     * Checks the envelope against what the receiving round expects.
     *
     * @throws MpcAbortException {@link AbortReason#UNEXPECTED_SENDER} (sender not expected, or a message to
     *                           someone else, or broadcast/direct mismatch), {@link AbortReason#WRONG_SESSION},
     *                           {@link AbortReason#WRONG_ROUND}; the culprit is the sender
     */
    public void validate(MessageContext ctx) {
        if (!ctx.expectedSenders().contains(sender) || sender.equals(ctx.self())) { // self may be null (observer)
            throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.UNEXPECTED_SENDER, sender,
                    "sender not a participant of this round");
        }
        if (!session.equals(ctx.session())) {
            throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.WRONG_SESSION, sender,
                    "message from another session");
        }
        if (!protocol.equals(ctx.protocol()) || round != ctx.round()) {
            throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.WRONG_ROUND, sender,
                    "message for " + protocol + " round " + round);
        }
        if (ctx.direct()) {
            if (recipient == null || !recipient.equals(ctx.self())) {
                throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.UNEXPECTED_SENDER, sender,
                        "direct message not addressed to this party");
            }
        } else if (recipient != null) {
            throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.UNEXPECTED_SENDER, sender,
                    "expected a broadcast");
        }
    }
}
