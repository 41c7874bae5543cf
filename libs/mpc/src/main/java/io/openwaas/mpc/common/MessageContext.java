package io.openwaas.mpc.common;

import java.util.Objects;
import java.util.Set;

/**
 * What a receiving round expects of an incoming message's envelope: protocol, round, session, the receiving
 * party, the parties allowed to send, and whether the message is point-to-point.
 */
public record MessageContext(String protocol, int round, SessionId session, PartyId self,
                             Set<PartyId> expectedSenders, boolean direct) {

    public MessageContext {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(self, "self");
        expectedSenders = Set.copyOf(expectedSenders);
    }
}
