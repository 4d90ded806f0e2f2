package dev.signet.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * One parameter of a request.
 *
 * @param methodName the accessor's name, also the builder's setter name
 * @param wireName the name in the query string
 * @param valueType the value's type: the accessor's type, unwrapped from {@code Optional}
 * @param required whether the accessor returns the value itself rather than an {@code Optional};
 *     the nonce is required in the request but optional in the builder, which can draw one
 * @param text how the value becomes the text that is signed and sent
 * @param nonce the nonce's shape when this parameter is the nonce, otherwise {@code null}
 * @param deprecated whether the accessor is {@code @Deprecated}, which the builder repeats
 */
public record Parameter(
    String methodName,
    String wireName,
    TypeName valueType,
    boolean required,
    TextForm text,
    NonceShape nonce,
    boolean deprecated) {

  /** Whether the value is a Java primitive, which cannot be absent. */
  public boolean primitive() {
    return valueType.isPrimitive();
  }
}
