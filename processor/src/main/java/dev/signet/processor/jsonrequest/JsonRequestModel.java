package dev.signet.processor.jsonrequest;

import dev.signet.processor.model.Declaration;
import dev.signet.processor.model.Property;
import java.util.List;

/**
 * A validated {@code @JsonRequest} declaration: everything the writer needs, nothing it must check.
 *
 * @param method the HTTP method, upper case
 * @param fields in declaration order, inherited ones first, which is also the body's order and the
 *     builder's order for required ones
 */
public record JsonRequestModel(
    Declaration declaration, String method, String path, List<Property<JsonForm>> fields) {

  /** The fields written in the JSON body, in order. */
  public List<Property<JsonForm>> bodyFields() {
    return fields.stream().filter(f -> !f.form().header()).toList();
  }

  /** The fields sent as headers, in order. */
  public List<Property<JsonForm>> headerFields() {
    return fields.stream().filter(f -> f.form().header()).toList();
  }

  /** The fields a builder must be given, in the order its steps ask for them. */
  public List<Property<JsonForm>> requiredInBuilder() {
    return fields.stream().filter(Property::required).toList();
  }

  /** The fields a builder may be given at any step. */
  public List<Property<JsonForm>> optionalInBuilder() {
    return fields.stream().filter(f -> !f.required()).toList();
  }
}
