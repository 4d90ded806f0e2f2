package dev.signet.tableau;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.JsonParser;
import dev.signet.runtime.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The vectors of {@code vectors/tableau.jsonl}, and each case built with the declaration. */
final class TableauVectors {
  private TableauVectors() {}

  /**
   * One vector.
   *
   * @param expect the expected answer's members, or null for a case to refuse
   */
  record Vector(String id, Map<String, Object> input, Map<String, Object> expect, String why) {
    boolean accepted() {
      return expect != null;
    }

    String string(String member) {
      return (String) input.get(member);
    }

    long number(String member) {
      return ((BigDecimal) input.get(member)).longValueExact();
    }

    /** The token the reference signed. */
    String token() {
      return (String) expect.get("token");
    }

    Secret secret() {
      return Secret.ofUtf8(string("secret"));
    }

    @Override
    public String toString() {
      return id;
    }
  }

  @SuppressWarnings("unchecked")
  static List<Vector> all() {
    List<Vector> vectors = new ArrayList<>();
    try (InputStream in = TableauVectors.class.getResourceAsStream("/vectors/tableau.jsonl");
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Map<String, Object> vector = (Map<String, Object>) JsonParser.parse(line);
        Object expect = vector.get("expect");
        vectors.add(
            new Vector(
                (String) vector.get("id"),
                (Map<String, Object>) vector.get("case"),
                expect instanceof Map<?, ?> ? (Map<String, Object>) expect : null,
                (String) vector.get("why")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return vectors;
  }

  static List<Vector> accepted() {
    return all().stream().filter(Vector::accepted).toList();
  }

  /**
   * The case built.
   *
   * @throws InvalidParameterException for a case Tableau's rules refuse
   */
  @SuppressWarnings("unchecked")
  static SignetTableauToken token(Vector vector) {
    SignetTableauToken.BuildStage token =
        SignetTableauToken.builder()
            .secretId(vector.string("secretId"))
            .clientId(vector.string("clientId"))
            .jti(vector.string("jti"))
            .username(vector.string("username"))
            .scopes(TableauScopes.of((List<String>) vector.input().get("scopes")))
            .iat(vector.number("iat"))
            .exp(vector.number("exp"));
    Map<String, Object> attributes = (Map<String, Object>) vector.input().get("userAttributes");
    if (attributes != null) {
      Map<String, TableauAttribute> values = new LinkedHashMap<>();
      attributes.forEach((name, value) -> values.put(name, TableauAttribute.fromJson(value)));
      token.userAttributes(values);
    }
    return token.build();
  }

  /**
   * The case signed: the token.
   *
   * @throws IllegalArgumentException ({@link InvalidParameterException} among them) for a case
   *     Tableau's rules refuse
   */
  static String signed(Vector vector) {
    Secret secret = vector.secret();
    return token(vector).token(secret);
  }
}
