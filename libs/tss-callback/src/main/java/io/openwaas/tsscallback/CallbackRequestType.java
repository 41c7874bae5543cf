package io.openwaas.tsscallback;

import java.util.Optional;

/**
 * The {@code request_type} of a {@link CallbackRequest}: what the TSS node is about to do and asks the callback
 * server to approve.
 */
public enum CallbackRequestType {

    /** {@code TypePing = 0}: a liveness probe; detail and extra info are {@code "{}"}. */
    PING(0, "Ping"),
    /** {@code TypeKeyGen = 1}: generate a new key share group ({@link KeyGenDetail}, {@link KeyGenExtraInfo}). */
    KEY_GEN(1, "KeyGen"),
    /** {@code TypeKeySign = 2}: sign message hashes ({@link KeySignDetail}, {@link KeySignExtraInfo}). */
    KEY_SIGN(2, "KeySign"),
    /** {@code TypeKeyReshare = 3}: reshare a group's key ({@link KeyReshareDetail}, {@link KeyReshareExtraInfo}). */
    KEY_RESHARE(3, "KeyReshare");

    private final int code;
    private final String ruleName;

    CallbackRequestType(int code, String ruleName) {
        this.code = code;
        this.ruleName = ruleName;
    }

    /** The wire value of {@code request_type}. */
    public int code() {
        return code;
    }

    /** The short name without the {@code Type} prefix ({@code Ping}, {@code KeyGen}, ...), as rules files use it. */
    public String ruleName() {
        return ruleName;
    }

    /** The type with this wire code, or empty for a code this protocol version does not know. */
    public static Optional<CallbackRequestType> fromCode(int code) {
        for (CallbackRequestType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The type with this {@link #ruleName()} (exact spelling), or empty. */
    public static Optional<CallbackRequestType> fromRuleName(String name) {
        for (CallbackRequestType type : values()) {
            if (type.ruleName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
