package dev.signet.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A validated {@code @SignedUrl} declaration: everything the writer needs, nothing it must check.
 *
 * @param declaration the annotated interface, which the generated class implements
 * @param generated the generated class's name
 * @param parameters in declaration order, which is also the builder's order for required ones
 * @param signedOrder the parameters in the order their values are signed, nonce included
 * @param signNames whether each line is {@code name=value}, both form-encoded, rather than the
 *     value alone
 */
public record SignedUrlModel(
    TypeElement element,
    ClassName declaration,
    ClassName generated,
    String path,
    String signatureParameter,
    String separator,
    boolean signNames,
    boolean javascriptTrimLines,
    String macAlgorithm,
    String digestEncoding,
    List<Parameter> parameters,
    List<Parameter> signedOrder) {

  /** The parameters a builder must be given, in the order its stages ask for them. */
  public List<Parameter> requiredInBuilder() {
    return parameters.stream().filter(p -> p.required() && p.nonce() == null).toList();
  }

  /** The parameters a builder may be given, after the required ones. */
  public List<Parameter> optionalInBuilder() {
    return parameters.stream().filter(p -> !p.required() || p.nonce() != null).toList();
  }
}
