package io.openwaas.platform.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a resource method needs beyond the default (GET → read, anything else → write); value-moving endpoints
 * say {@code @RequiresScope(Scope.SPEND)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {
    Scope value();
}
