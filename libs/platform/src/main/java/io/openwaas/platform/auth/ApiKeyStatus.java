package io.openwaas.platform.auth;

/** Lifecycle of an API key. A revoked key never becomes active again. */
public enum ApiKeyStatus {
    ACTIVE,
    REVOKED
}
