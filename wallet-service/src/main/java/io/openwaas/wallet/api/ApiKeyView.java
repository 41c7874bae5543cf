package io.openwaas.wallet.api;

import io.openwaas.platform.auth.ApiKeyStatus;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.auth.Scope;

import java.util.List;

/** Operator API: a registered API key. */
public record ApiKeyView(String apiKey, String orgId, String name, CurveType curveType, List<Scope> scopes,
                         ApiKeyStatus status, String callbackUrl, long createdTimestamp, long updatedTimestamp) {
}
