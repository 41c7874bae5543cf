package io.openwaas.platform.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access decision of a client resource: every request needs a valid Cobo Auth signature, a fresh nonce and the
 * scope ({@link RequiresScope}). Every JAX-RS resource class or method of a service carries one decision: this, or
 * {@code @RolesAllowed} for the operator API under {@code /admin} (operator JWT). A resource with none is refused to
 * everyone ({@link CoboAuthFilter}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CoboAuth {
}
