package io.openwaas.platform.auth;

import io.openwaas.platform.api.ApiException;
import io.openwaas.platform.api.ErrorCode;
import jakarta.enterprise.context.RequestScoped;

/** The verified {@link Caller} of the current request, set by {@link CoboAuthFilter}. */
@RequestScoped
public class CallerContext {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    /** The caller; a request that reached a resource without one is refused. */
    public Caller get() {
        if (caller == null) {
            throw new ApiException(ErrorCode.MISSING_AUTH_HEADERS, "request is not authenticated");
        }
        return caller;
    }

    /** The caller's organisation. */
    public String orgId() {
        return get().orgId();
    }
}
