package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a server-to-server request whose parameters travel as a JSON object in the body, such as
 * Codatum's {@code POST /api/notebook/issueToken}.
 *
 * <p>Put it on an interface whose abstract, argument-less methods are the request's fields. A
 * method returning {@code Optional<T>} declares an optional field; any other return type a required
 * one. At compile time Signet generates {@code Signet<Name>}: an immutable implementation with a
 * staged builder (a missing required field does not compile) that is also a {@code
 * dev.signet.runtime.VendorRequest}, with its {@code method()}, {@code path()}, {@code headers()}
 * and JSON {@code body()} ready to send with {@code dev.signet.runtime.JsonHttpClient}.
 *
 * <p>JSON names and inclusion come from Jackson's annotations, read by name so that neither Signet
 * nor the generated code needs Jackson, and so that the same interface is a type the host's own
 * Jackson mapper writes identically:
 *
 * <ul>
 *   <li>{@code @JsonProperty("wire_name")} on a method names its member; without it the member is
 *       named after the method.
 *   <li>{@code @JsonInclude} on the interface or on a method decides whether an absent optional
 *       field is written: {@code ALWAYS} (Jackson's default) and {@code NON_NULL} write it as
 *       {@code null}; {@code NON_ABSENT} leaves it out; {@code NON_EMPTY} also leaves out a
 *       required field whose string, list or map is empty (an {@code Optional} that holds an empty
 *       value is written, as Jackson writes it).
 * </ul>
 *
 * <p>Field values can be anything a {@link Param JSON parameter} can be: {@code String}, {@code
 * boolean}, numbers, enums (with {@link WireValue}s), records, {@code List}, {@code Map} with
 * {@code String} or enum keys, and {@code JsonWritable} types. A required {@code String} must not
 * be empty. Mark credentials with {@link Redacted}, and fields that travel as HTTP headers with
 * {@link Header}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JsonRequest {

  /** The HTTP method: {@code POST}, {@code PUT} or {@code PATCH}, the methods that carry a body. */
  String method() default "POST";

  /**
   * The request's path, starting with {@code /}, such as {@code /api/notebook/issueToken}; it
   * follows the base URI that the request is sent to.
   */
  String path();
}
