package dev.signet.codatum;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * How a Jackson mapper writes and reads Signet's {@link EncodedParam} ({@code dev.signet.runtime}
 * has no Jackson annotations): as {@code {"param_id", "param_value", "is_hidden"?}}. The message
 * types and {@link CodatumIssueToken} name these classes in their annotations, so any mapper
 * handles them without registration.
 */
public final class EncodedParamJackson {
  private EncodedParamJackson() {}

  /** Writes an {@link EncodedParam} as Codatum does, {@code is_hidden} only when true. */
  public static final class Serializer extends StdSerializer<EncodedParam> {
    private static final long serialVersionUID = 1L;

    public Serializer() {
      super(EncodedParam.class);
    }

    @Override
    public void serialize(EncodedParam param, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      out.writeStartObject();
      out.writeStringField("param_id", param.paramId());
      out.writeStringField("param_value", param.paramValue());
      if (param.hidden()) {
        out.writeBooleanField("is_hidden", true);
      }
      out.writeEndObject();
    }
  }

  /** Reads an {@link EncodedParam}: {@code param_id} and {@code param_value} must be strings. */
  public static final class Deserializer extends StdDeserializer<EncodedParam> {
    private static final long serialVersionUID = 1L;

    public Deserializer() {
      super(EncodedParam.class);
    }

    @Override
    public EncodedParam deserialize(JsonParser in, DeserializationContext context)
        throws IOException {
      JsonNode node = in.readValueAsTree();
      if (node == null || !node.isObject()) {
        return (EncodedParam) context.handleUnexpectedToken(EncodedParam.class, in);
      }
      JsonNode id = node.get("param_id");
      JsonNode value = node.get("param_value");
      JsonNode hidden = node.get("is_hidden");
      if (id == null || !id.isTextual() || value == null || !value.isTextual()) {
        return context.reportInputMismatch(
            EncodedParam.class, "a param needs the strings param_id and param_value");
      }
      if (hidden != null && !hidden.isBoolean() && !hidden.isNull()) {
        return context.reportInputMismatch(EncodedParam.class, "is_hidden must be a boolean");
      }
      return new EncodedParam(id.asText(), value.asText(), hidden != null && hidden.asBoolean());
    }
  }
}
