package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Spreads a {@code Map<String, V>} (or an optional one) into parameters or claims named at run
 * time: each entry becomes one, named {@link #prefix()} followed by the entry's key, with the
 * entry's value encoded as the map's values would be. Sigma sends user attributes as {@code
 * :ua_<name>}, Mode report parameters as {@code param_<name>}, Tableau user attributes as top-level
 * claims (prefix {@code ""}).
 *
 * <p>The entries take the map's place in the declaration's order, in the map's iteration order (or
 * by name where the declaration orders by name). The builder refuses, naming the map and the key,
 * an empty key and a key whose name is already another parameter's.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Spread {
  /** What precedes each key in the parameter's or claim's name. */
  String prefix() default "";
}
