package io.openwaas.wallet.api;

/** Reference §3.1 {@code OrgInfo}; also the operator API's answer to creating an organisation. */
public record OrgInfo(String orgId, Long bizOrgId, String name, long createdTimestamp) {
}
