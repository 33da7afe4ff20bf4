package org.quire.web.accounts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint someone may use before setting up the second factor the site requires of their role: setting it
 * up, who am I, signing out. Every other endpoint sends them to set it up first.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BeforeSecondFactor {
}
