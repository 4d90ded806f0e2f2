package dev.signet.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A validated {@code @JsonRequest} declaration: everything the writer needs, nothing it must check.
 *
 * @param element the annotated interface
 * @param declaration its name; the generated class implements it
 * @param generated the generated class's name
 * @param method the HTTP method, upper case
 * @param fields in declaration order, which is also the body's order and the builder's order for
 *     required ones
 */
public record JsonRequestModel(
    TypeElement element,
    ClassName declaration,
    ClassName generated,
    String method,
    String path,
    List<JsonField> fields) {

  /** The fields written in the JSON body, in order. */
  public List<JsonField> bodyFields() {
    return fields.stream().filter(f -> !f.header()).toList();
  }

  /** The fields sent as headers, in order. */
  public List<JsonField> headerFields() {
    return fields.stream().filter(JsonField::header).toList();
  }

  /** The fields a builder must be given, in the order its stages ask for them. */
  public List<JsonField> requiredInBuilder() {
    return fields.stream().filter(JsonField::required).toList();
  }

  /** The fields a builder may be given, after the required ones. */
  public List<JsonField> optionalInBuilder() {
    return fields.stream().filter(f -> !f.required()).toList();
  }
}
