package io.openwaas.tsscallback;

/**
 * A JWT that does not verify: malformed, another algorithm than RS256, a bad signature, or signed by another key.
 * The message never contains key material.
 */
public class CallbackJwtException extends Exception {

    public CallbackJwtException(String message) {
        super(message);
    }
}
