package io.openwaas.mpc.common;

/**
 * An encoding that {@link WireReader} refuses: wrong type or version, a length over its bound, a
 * non-canonical field, truncation or trailing bytes. Protocols convert it into an {@link MpcAbortException}
 * with {@link AbortReason#MALFORMED_MESSAGE} naming the sender. The message never contains field contents.
 */
public final class WireFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }
}
