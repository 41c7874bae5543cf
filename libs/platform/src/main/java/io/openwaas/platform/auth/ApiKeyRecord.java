package io.openwaas.platform.auth;

import java.util.List;

/**
 * The data of an {@code io.openwaas.iam.api_key.updated.v1} event on the compacted topic {@code iam.api-keys}
 * (key = {@link #apiKey}): everything a service needs to verify a request. Golden sample:
 * {@code META-INF/openwaas/events/io.openwaas.iam.api_key.updated.v1.json}.
 *
 * @param apiKey           the public key, lower-case hex (the {@code BIZ-API-KEY} header)
 * @param orgId            owning organisation
 * @param name             operator-given label
 * @param curveType        ED25519 or SECP256K1
 * @param scopes           read / write / spend
 * @param status           ACTIVE or REVOKED
 * @param callbackUrl      the approval callback URL of this key, or null
 * @param createdTimestamp ms
 * @param updatedTimestamp ms
 * @param version          increases with every change of this key; a consumer never goes back to a lower one
 */
public record ApiKeyRecord(
        String apiKey,
        String orgId,
        String name,
        CurveType curveType,
        List<Scope> scopes,
        ApiKeyStatus status,
        String callbackUrl,
        long createdTimestamp,
        long updatedTimestamp,
        long version) {

    public ApiKeyRecord {
        scopes = List.copyOf(scopes);
    }

    public boolean active() {
        return status == ApiKeyStatus.ACTIVE;
    }
}
