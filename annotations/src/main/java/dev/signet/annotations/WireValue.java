package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text an enum constant stands for on the wire, when it is not the constant's name:
 * {@code @WireValue("vibes") VIBES}. Applies both to text parameters and to enums inside JSON
 * values.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface WireValue {
  String value();
}
