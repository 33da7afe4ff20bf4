package org.quire.web.accounts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an admin endpoint needs. Every resource method carries this or {@link Public}; {@link AccessFilter}
 * refuses a method with neither, so a forgotten annotation fails closed, and the permission-matrix test fails too.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {
    Permission value();
}
