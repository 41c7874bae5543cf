package io.openwaas.mpc.common;

import java.util.List;

/**
 * A hook of the in-process harnesses ({@code InProcessDkg}, {@code InProcessFrost}, {@code InProcessReshare}) that
 * sees every encoded message on its way from one party to another and returns what is actually delivered: the same
 * bytes (honest network), altered bytes (a malicious sender), several copies (replay) or none (drop). Tests use it to
 * simulate malicious parties; production transports do not exist in this library.
 */
@FunctionalInterface
public interface Interceptor {

    /** Delivers everything unchanged. */
    Interceptor HONEST = (round, from, to, bytes) -> List.of(bytes);

    /**
     * @param round the protocol round of the message
     * @param from  the sending party
     * @param to    the receiving party
     * @param bytes the encoding as sent
     * @return the encodings delivered to {@code to}, in order
     */
    List<byte[]> deliver(int round, PartyId from, PartyId to, byte[] bytes);
}
