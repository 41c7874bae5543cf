package io.openwaas.platform.events;

/**
 * CloudEvents {@code type} values: {@code io.openwaas.<aggregate>.<event>.v<N>}. A new version gets a new constant;
 * consumers ignore types they don't know.
 */
public final class EventType {

    public static final String API_KEY_UPDATED = "io.openwaas.iam.api_key.updated.v1";

    private EventType() {
    }
}
