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
 * @param plan how a URL laid out otherwise than "request URL, then a line per value" is written;
 *     null for that layout
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
    Map<String, Integer> positions,
    UrlPlan plan) {

  /** The parameters a builder must be given, in the order its steps ask for them. */
  public List<Property<TextForm>> requiredInBuilder() {
    return parameters.stream()
        .filter(p -> p.required() && !(p.form() instanceof TextForm.Nonce) && !filledIn(p))
        .toList();
  }

  /** Whether the value of {@code parameter} comes from a constant, a clock or a default. */
  private boolean filledIn(Property<TextForm> parameter) {
    return plan != null && plan.traitsOf(parameter.name()).filledIn();
  }

  /** Whether the builder has no setter for {@code parameter}: a constant. */
  public boolean fixed(Property<TextForm> parameter) {
    return plan != null && plan.traitsOf(parameter.name()).fixed();
  }

  /** The parameters a builder may be given at any step: the optional ones and the nonce. */
  public List<Property<TextForm>> optionalInBuilder() {
    return parameters.stream()
        .filter(
            p -> !p.required() || p.form() instanceof TextForm.Nonce || filledIn(p) && !fixed(p))
        .toList();
  }

  /** The nonce, which every signed URL has but one whose timestamp gives freshness alone. */
  public Property<TextForm> nonce() {
    return nonceIfAny().orElseThrow();
  }

  /** The nonce, when there is one. */
  public java.util.Optional<Property<TextForm>> nonceIfAny() {
    return parameters.stream().filter(p -> p.form() instanceof TextForm.Nonce).findFirst();
  }
}
