package io.openwaas.tss.persistence;

import java.sql.SQLException;

/**
 * The node's database did not do what was asked. {@link #permanent()} when PostgreSQL refused the data itself (SQL
 * state class 22, data exception, or 23, integrity violation): trying again cannot help. Anything else (no connection,
 * the server shutting down, a missing table or privilege while an operator works on it, a deadlock) may pass, so the
 * request intake retries it rather than dropping the request.
 */
public class StoreFailure extends IllegalStateException {

    private final boolean permanent;

    public StoreFailure(SQLException cause) {
        super("database: " + cause.getMessage(), cause);
        String state = cause.getSQLState();
        this.permanent = state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    public boolean permanent() {
        return permanent;
    }
}
