package io.openwaas.tss.protocol;

import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.WireFormatException;

import java.util.function.Function;

/** Decoding of two-party ECDSA messages received from a peer, with the checks the in-process harness makes. */
final class Messages {

    private Messages() {
    }

    /** Decodes {@code bytes}; a malformed message or a header naming another sender aborts naming {@code from}. */
    static <T extends ProtocolMessage> T parse(String protocol, int round, PartyId from, byte[] bytes,
                                               Function<byte[], T> parser) {
        T m;
        try {
            m = parser.apply(bytes);
        } catch (WireFormatException | IllegalArgumentException e) {
            throw MpcAbortException.blame(protocol, round, AbortReason.MALFORMED_MESSAGE, from, e.getMessage());
        }
        if (!m.sender().equals(from)) {
            throw MpcAbortException.blame(protocol, round, AbortReason.UNEXPECTED_SENDER, from,
                    "header names another sender");
        }
        return m;
    }
}
