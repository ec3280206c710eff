package dev.paysuite.kernel.tx;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an out-port (or one of its methods) that changes state or locks it: it may only be called
 * inside a use-case step ({@link Transactions}). The hexagon rules make every adapter method that
 * implements one require a transaction, and the plain-Java tests fail a call made outside a step.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface ChangesState {
}
