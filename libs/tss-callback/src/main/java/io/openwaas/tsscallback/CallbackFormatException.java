package io.openwaas.tsscallback;

/** A callback message that is not well-formed: bad JSON, a missing field, an unknown type. */
public class CallbackFormatException extends RuntimeException {

    public CallbackFormatException(String message) {
        super(message);
    }
}
