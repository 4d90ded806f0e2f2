package dev.signet.sample.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A declaration as its description tells it: the {@code SignetX.signet.json} that the processor
 * option {@code -Asignet.describe=true} writes beside each generated class, and that every vendor
 * module's jar carries. The builder's and the inspector's forms come from it, not from code written
 * per vendor.
 *
 * @param kind {@code SignedUrl}, {@code SignedJwt} or {@code JsonRequest}
 * @param generated the generated class, whose builder and verifier the tools call
 * @param path the path, with {@code {name}} for each value that travels in it; empty for a token
 *     that travels in no URL
 * @param tokenPlacement where a JWT travels ({@code PATH}, {@code QUERY}, {@code FRAGMENT} or
 *     {@code NONE}); empty for the other kinds
 * @param tokenParameter the query or fragment parameter that carries a JWT, where it has one
 * @param signatureParameter the query parameter that carries a signed URL's signature
 * @param properties the parameters, claims or fields, in the description's order
 * @param builderOrder the order in which the builder asks for the required ones
 */
public record Description(
    String kind,
    Class<?> generated,
    String path,
    String tokenPlacement,
    String tokenParameter,
    String signatureParameter,
    List<Property> properties,
    List<String> builderOrder) {

  public static final String SIGNED_URL = "SignedUrl";
  public static final String SIGNED_JWT = "SignedJwt";
  public static final String JSON_REQUEST = "JsonRequest";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One parameter, claim or field.
   *
   * @param name the Java name: the builder's setter and the request's accessor
   * @param wireName the name it travels under (query parameter, claim, JSON member or header)
   * @param type the declared type as the source names it
   * @param required whether the builder asks for it
   * @param where where it travels, in the description's words ({@code QUERY}, {@code PATH_SEGMENT},
   *     {@code UNSIGNED_FRAGMENT}, {@code CLAIM}, {@code HEADER}, ...)
   * @param constant the value the vendor fixes, which no caller sets; empty for the others
   * @param clockValue whether the value comes from a clock or a time to live when not set: a
   *     timestamp, an issue time or an expiry
   * @param drawn whether the value is a nonce, drawn when not set
   * @param defaulted whether the declaration gives a default value
   * @param json the value's JSON shape: a word for a scalar, an object for the rest; null for a
   *     value written as text
   * @param wireValues an enum's wire values by constant name, where the description gives them
   * @param spreadPrefix the prefix of a map spread into parameters or claims; null for the others
   * @param redacted whether the value is a secret that a request's text never shows
   * @param headerName the JWT header member that carries the value; null for the others
   */
  public record Property(
      String name,
      String wireName,
      String type,
      boolean required,
      String where,
      Optional<String> constant,
      boolean clockValue,
      boolean drawn,
      boolean defaulted,
      JsonNode json,
      Map<String, String> wireValues,
      String spreadPrefix,
      boolean redacted,
      String headerName) {

    /** Whether callers give this value: every one but a constant. */
    public boolean isSettable() {
      return constant.isEmpty();
    }

    /** Whether the form may leave this value empty: a default, a clock or a nonce fills it. */
    public boolean mayBeLeftEmpty() {
      return !required || clockValue || drawn || defaulted;
    }

    /** Whether this value travels unsigned, where whoever holds the URL could change it. */
    public boolean isUnsigned() {
      return where.startsWith("UNSIGNED");
    }

    /** Whether the JSON shape is an array, an object, a record or a value that writes itself. */
    public boolean isStructured() {
      return json != null && json.isObject() && !json.has("enum");
    }
  }

  /**
   * The description beside {@code generated}.
   *
   * @throws IllegalArgumentException when its jar carries none: a module built without {@code
   *     -Asignet.describe=true}
   */
  public static Description of(Class<?> generated) {
    String resource = generated.getSimpleName() + ".signet.json";
    JsonNode root;
    try (InputStream in = generated.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no description beside "
                + generated.getName()
                + ": build its module with -Asignet.describe=true");
      }
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!"signet-description/1".equals(root.path("format").asText())) {
      throw new IllegalArgumentException(
          resource + " is not a signet-description/1, but " + root.path("format"));
    }
    String kind = root.path("kind").asText();
    JsonNode members =
        switch (kind) {
          case SIGNED_URL -> root.path("parameters");
          case SIGNED_JWT -> root.path("properties");
          case JSON_REQUEST -> root.path("fields");
          default -> throw new IllegalArgumentException(resource + ": unknown kind " + kind);
        };
    List<Property> properties = new ArrayList<>();
    members.forEach(member -> properties.add(property(member)));
    List<String> builderOrder = new ArrayList<>();
    root.path("builderOrder").forEach(name -> builderOrder.add(name.asText()));
    return new Description(
        kind,
        generated,
        root.path("path").asText(""),
        root.path("token").asText(""),
        root.path("tokenParameter").asText(""),
        root.path("signatureParameter").asText(""),
        List.copyOf(properties),
        List.copyOf(builderOrder));
  }

  private static Property property(JsonNode member) {
    String role = member.path("role").asText("");
    String where =
        member.has("place")
            ? member.get("place").asText()
            : role.equals("UNSIGNED")
                ? "UNSIGNED_" + member.path("part").asText()
                : !role.isEmpty() ? role : member.has("jsonName") ? "BODY" : "QUERY";
    JsonNode json = member.get("json");
    Map<String, String> wireValues = new LinkedHashMap<>();
    JsonNode values = member.has("wireValues") ? member.get("wireValues") : jsonEnum(json);
    if (values != null) {
      values.properties().forEach(e -> wireValues.put(e.getKey(), e.getValue().asText()));
    }
    JsonNode constant = member.get("constant");
    return new Property(
        member.path("name").asText(),
        member.has("wireName") ? member.get("wireName").asText() : member.path("jsonName").asText(),
        member.path("type").asText(),
        member.path("required").asBoolean(),
        where,
        constant == null || constant.isNull() ? Optional.empty() : Optional.of(constant.asText()),
        member.path("timestamp").asBoolean() || role.equals("ISSUED_AT") || role.equals("EXPIRY"),
        member.has("nonce"),
        member.path("defaulted").asBoolean(),
        json == null || json.isNull() ? null : json,
        Map.copyOf(wireValues),
        member.has("spreadPrefix") ? member.get("spreadPrefix").asText() : null,
        member.path("redacted").asBoolean(),
        role.equals("HEADER")
            ? member.path("wireName").asText()
            : role.equals("HEADER_CLAIM") ? member.path("headerName").asText() : null);
  }

  private static JsonNode jsonEnum(JsonNode json) {
    return json != null && json.isObject() && json.has("enum") ? json.get("wireValues") : null;
  }

  /** The property whose Java name is {@code name}. */
  public Optional<Property> property(String name) {
    return properties.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The vendor module the declaration comes from: the last part of its package's name. */
  public String module() {
    String packageName = generated.getPackageName();
    return packageName.substring(packageName.lastIndexOf('.') + 1);
  }

  /** The name the tools know the declaration by: its generated class's simple name. */
  public String id() {
    return generated.getSimpleName();
  }

  /** Whether the request is signed, so that the inspector can verify it. */
  public boolean isSigned() {
    return !kind.equals(JSON_REQUEST);
  }

  /** Whether a JWT's header carries a key id, so that its verifier looks keys up by it. */
  public Optional<Property> keyId() {
    return properties.stream().filter(p -> "kid".equals(p.headerName())).findFirst();
  }
}
