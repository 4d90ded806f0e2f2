package dev.signet.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * One field of a {@code @JsonRequest}: a member of the JSON body, or a header.
 *
 * @param methodName the accessor's name, also the builder's setter name
 * @param wireName the JSON member's name, or the header's name for a header
 * @param valueType the value's type: the accessor's type, unwrapped from {@code Optional}
 * @param required whether the accessor returns the value itself rather than an {@code Optional}
 * @param shape how the value is written as JSON (a string for a header)
 * @param inclusion when the member is left out of the body
 * @param redacted whether the value is a credential, kept out of {@code toString()}, {@code
 *     hashCode()} and error messages
 * @param headerPrefix for a header, the text sent before the value; null for a body member
 * @param urlEncodedJson whether the value's JSON text is sent URL-encoded, as a JSON string
 * @param deprecated whether the accessor is {@code @Deprecated}, which the builder repeats
 */
public record JsonField(
    String methodName,
    String wireName,
    TypeName valueType,
    boolean required,
    JsonShape shape,
    Inclusion inclusion,
    boolean redacted,
    String headerPrefix,
    boolean urlEncodedJson,
    boolean deprecated) {

  /** Jackson's {@code JsonInclude.Include} values that Signet writes the same way. */
  public enum Inclusion {
    /** Always written; an absent optional as {@code null}. Also {@code NON_NULL}, for fields. */
    ALWAYS,
    /** Left out when an optional is absent. */
    NON_ABSENT,
    /**
     * Left out when absent, and a required field also when its string, list or map is empty; an
     * Optional that holds an empty value is written, as Jackson writes it.
     */
    NON_EMPTY
  }

  /** Whether the field is sent as a header rather than in the body. */
  public boolean header() {
    return headerPrefix != null;
  }

  /** Whether the value is a Java primitive, which cannot be absent. */
  public boolean primitive() {
    return valueType.isPrimitive();
  }
}
