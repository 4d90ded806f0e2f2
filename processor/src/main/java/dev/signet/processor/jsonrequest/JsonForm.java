package dev.signet.processor.jsonrequest;

import dev.signet.processor.model.Inclusion;
import dev.signet.processor.model.JsonShape;

/**
 * How a {@code @JsonRequest} field is sent: a member of the JSON body, or a header.
 *
 * @param shape how the value is written as JSON (a string for a header)
 * @param inclusion when the member is left out of the body
 * @param headerPrefix for a header, the text sent before the value; null for a body member
 * @param urlEncodedJson whether the value's JSON text is sent URL-encoded, as a JSON string
 */
public record JsonForm(
    JsonShape shape, Inclusion inclusion, String headerPrefix, boolean urlEncodedJson) {

  /** Whether the field is sent as a header rather than in the body. */
  public boolean header() {
    return headerPrefix != null;
  }
}
