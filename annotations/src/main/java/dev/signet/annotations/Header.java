package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends a {@link JsonRequest} field as an HTTP header instead of a member of the JSON body:
 * {@code @Header(value = "Authorization", prefix = "Bearer ") @Redacted String apiKey();}.
 *
 * <p>The field is a {@code String} or {@code Optional<String>}; the header is sent when the field
 * is present. Its value must not hold control characters such as line breaks. A header that carries
 * a credential, {@code Authorization} among them, must also be {@link Redacted}. {@code
 * Content-Type} and {@code Accept} are the generated request's own ({@code application/json}), and
 * headers the HTTP client manages ({@code Host}, {@code Content-Length}, {@code Connection}, {@code
 * Expect}, {@code Upgrade}) cannot be declared.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Header {

  /** The header's name, such as {@code Authorization}. */
  String value();

  /** Text sent before the field's value, such as {@code "Bearer "}. */
  String prefix() default "";
}
