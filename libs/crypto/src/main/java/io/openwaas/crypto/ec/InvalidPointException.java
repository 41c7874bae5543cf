package io.openwaas.crypto.ec;

/** Raised by {@link EcGroup#decode(byte[])} and friends when an encoding is not a valid, canonical group element. */
public final class InvalidPointException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidPointException(String message) {
        super(message);
    }
}
