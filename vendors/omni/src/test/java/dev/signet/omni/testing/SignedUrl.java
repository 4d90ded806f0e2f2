package dev.signet.omni.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A URL split into its endpoint (everything before {@code ?}) and its query parameters, decoded
 * here as {@code application/x-www-form-urlencoded} with {@link URLDecoder} ({@code +} is a space,
 * {@code %XX} a UTF-8 byte), independently of the code under test.
 */
public record SignedUrl(String endpoint, List<Map.Entry<String, String>> parameters) {

  public static SignedUrl parse(String url) {
    int question = url.indexOf('?');
    assertTrue(question > 0, () -> "no query in " + url);
    assertTrue(url.indexOf('#') < 0, () -> "a signed URL has no fragment: " + url);
    List<Map.Entry<String, String>> parameters = new ArrayList<>();
    for (String pair : url.substring(question + 1).split("&", -1)) {
      int equals = pair.indexOf('=');
      assertTrue(equals > 0, () -> "not a name=value pair: '" + pair + "' in " + url);
      parameters.add(
          Map.entry(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1))));
    }
    return new SignedUrl(url.substring(0, question), List.copyOf(parameters));
  }

  private static String decode(String formEncoded) {
    return URLDecoder.decode(formEncoded, StandardCharsets.UTF_8);
  }

  /** The parameters by name, after checking that no name is repeated. */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> parameter : parameters) {
      String previous = values.put(parameter.getKey(), parameter.getValue());
      assertEquals(
          null, previous, () -> "parameter " + parameter.getKey() + " is repeated: " + this);
    }
    return values;
  }

  /** The value of the parameter {@code name}, which must occur exactly once. */
  public String value(String name) {
    String value = values().get(name);
    assertTrue(value != null, () -> "no parameter " + name + " in " + this);
    return value;
  }
}
