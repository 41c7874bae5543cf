package io.openwaas.platform.api;

import io.vertx.pgclient.PgException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Database constraint violations a request runs into are the client's conflict, answered without internals. */
class ErrorMappersTest {

    private final ErrorMappers mappers = new ErrorMappers();

    private static PgException pg(String sqlState) {
        return new PgException("duplicate key value violates unique constraint \"api_key_pkey\"", "ERROR", sqlState,
                "Key (api_key)=(ab) already exists.");
    }

    @Test
    void aUniqueViolationIs409WithoutTableOrConstraintNames() {
        for (RuntimeException e : new RuntimeException[] {pg("23505"), new HibernateException("commit", pg("23505")),
                new PersistenceException(new org.hibernate.exception.ConstraintViolationException("insert",
                        new java.sql.SQLException("dup", "23505"), "api_key_pkey"))}) {
            Response r = mappers.persistence(e);
            assertEquals(409, r.getStatus());
            ErrorResponse body = (ErrorResponse) r.getEntity();
            assertEquals(ErrorCode.DUPLICATE_KEY.code(), body.errorCode());
            assertFalse(body.errorMessage().contains("api_key"), body.errorMessage());
        }
    }

    @Test
    void otherIntegrityViolationsAre400AndTheRestStay500() {
        for (String state : new String[] {"23502", "23503", "23514", "22001"}) {
            assertEquals(400, mappers.persistence(pg(state)).getStatus(), state);
        }
        assertEquals(500, mappers.persistence(pg("40001")).getStatus(), "a serialization failure is ours");
        assertEquals(500, mappers.persistence(new HibernateException("no database error inside")).getStatus());
    }
}
