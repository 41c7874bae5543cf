package io.openwaas.mpc.dkg;

import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;

/** Internal: a sender id already passed the envelope check; this re-asserts it is a valid holder id. */
final class PartyIdCheck {

    private PartyIdCheck() {
    }

    static void check(MessageContext ctx, PartyId sender) {
        if (!ctx.expectedSenders().contains(sender)) {
            throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.INVALID_PARTY_ID, sender,
                    "unknown party id");
        }
    }
}
