package io.openwaas.mpc.common;

import java.util.Objects;
import java.util.Set;

/**
 * What a receiving round expects of an incoming message's envelope: protocol, round, session, the receiving
 * party, the parties allowed to send, and whether the message is point-to-point.
 *
 * <p>{@code self} is {@code null} for an observer that holds no share, such as a FROST aggregator run by the
 * coordinator; an observer accepts broadcasts only.
 */
public record MessageContext(String protocol, int round, SessionId session, PartyId self,
                             Set<PartyId> expectedSenders, boolean direct) {

    public MessageContext {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(session, "session");
        if (self == null && direct) {
            throw new IllegalArgumentException("an observer (self == null) receives broadcasts only");
        }
        expectedSenders = Set.copyOf(expectedSenders);
    }
}
