package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link JsonRequest} field that holds a credential, such as an API secret or an API key.
 * The field is sent as declared, in the body or in its {@link Header}, and nowhere else: the
 * generated {@code toString()} shows {@code [redacted]} in its place, its {@code hashCode()} leaves
 * it out, and the request's {@code redact(text)} replaces it in any text (a vendor's error message
 * that echoes it, say) before that text reaches an exception.
 *
 * <p>Applies to {@code String} and {@code Optional<String>} fields.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Redacted {}
