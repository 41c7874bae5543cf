package io.openwaas.platform.auth;

import java.util.List;

/**
 * The verified client of a request: its API key and organisation. Every query a resource makes is restricted to
 * {@link #orgId()}.
 */
public record Caller(String orgId, String apiKey, String keyName, CurveType curveType, List<Scope> scopes) {

    /** The name under which the verified caller is kept in the request context. */
    public static final String PROPERTY = Caller.class.getName();

    public static Caller of(ApiKeyRecord key) {
        return new Caller(key.orgId(), key.apiKey(), key.name(), key.curveType(), key.scopes());
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }
}
