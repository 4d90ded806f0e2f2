package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes a JSON-valued {@link JsonRequest} field (a map, list, record or {@code JsonWritable}) as a
 * JSON string that holds the value's compact JSON text percent-encoded as JavaScript's {@code
 * encodeURIComponent} encodes it: {@code {"region":"west"}} is sent as {@code
 * "%7B%22region%22%3A%22west%22%7D"}. Omni's {@code generate-url} takes its JSON-valued parameters
 * this way. A Jackson mapper knows nothing of this annotation and writes the field as plain JSON.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface UrlEncodedJson {}
