package dev.signet.processor.signedurl;

import dev.signet.processor.model.Declaration;
import dev.signet.processor.model.Property;
import dev.signet.processor.model.TextForm;
import java.util.List;
import java.util.Map;

/**
 * A validated {@code @SignedUrl} declaration: everything the writer needs, nothing it must check.
 *
 * @param parameters in declaration order, inherited ones first, which is also the builder's order
 *     for required ones
 * @param signedOrder the parameters in the order their values are signed, nonce included
 * @param positions the fixed positions that {@code @Param(position = n)} gives, by parameter name
 * @param signNames whether each line is {@code name=value}, both form-encoded, rather than the
 *     value alone
 */
public record SignedUrlModel(
    Declaration declaration,
    String path,
    String signatureParameter,
    String separator,
    boolean signNames,
    boolean javascriptTrimLines,
    String macAlgorithm,
    String digestEncoding,
    List<Property<TextForm>> parameters,
    List<Property<TextForm>> signedOrder,
    Map<String, Integer> positions) {

  /** The parameters a builder must be given, in the order its steps ask for them. */
  public List<Property<TextForm>> requiredInBuilder() {
    return parameters.stream()
        .filter(p -> p.required() && !(p.form() instanceof TextForm.Nonce))
        .toList();
  }

  /** The parameters a builder may be given at any step: the optional ones and the nonce. */
  public List<Property<TextForm>> optionalInBuilder() {
    return parameters.stream()
        .filter(p -> !p.required() || p.form() instanceof TextForm.Nonce)
        .toList();
  }

  /** The nonce, which every signed URL has. */
  public Property<TextForm> nonce() {
    return parameters.stream()
        .filter(p -> p.form() instanceof TextForm.Nonce)
        .findFirst()
        .orElseThrow();
  }
}
