package dev.signet.sigma;

import dev.signet.runtime.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/** The lines of {@code vectors/sigma.jsonl} of one scheme, {@code signed-url} or {@code jwt}. */
final class SigmaVectors {
  private SigmaVectors() {}

  /** One vector: its case, what the reference answered, and for a refusal, the rule it breaks. */
  record Vector(String id, Map<String, Object> input, Object expect, String why) {
    boolean refused() {
      return "reject".equals(expect);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> expected() {
      return (Map<String, Object>) expect;
    }

    String string(String field) {
      return (String) input.get(field);
    }

    long number(String field) {
      return ((BigDecimal) input.get(field)).longValueExact();
    }

    @Override
    public String toString() {
      return id;
    }
  }

  @SuppressWarnings("unchecked")
  static List<Vector> of(String scheme) {
    List<Vector> vectors = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                SigmaVectors.class.getResourceAsStream("/vectors/sigma.jsonl"),
                StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Map<String, Object> vector = (Map<String, Object>) JsonParser.parse(line);
        Map<String, Object> input = (Map<String, Object>) vector.get("case");
        if (scheme.equals(input.get("scheme"))) {
          vectors.add(
              new Vector(
                  (String) vector.get("id"),
                  input,
                  vector.get("expect"),
                  (String) vector.get("why")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return vectors;
  }

  /**
   * The {@code jwt} vector's embed, built with the generated class as a caller would build it.
   *
   * @throws dev.signet.runtime.InvalidParameterException for a case Sigma refuses
   */
  @SuppressWarnings("unchecked")
  static SignetSigmaJwtEmbed jwt(Vector vector) {
    Map<String, Object> input = vector.input();
    return SignetSigmaJwtEmbed.builder()
        .path(SigmaEmbedPaths.of(vector.string("embedPath")).path())
        .email(SigmaEmail.of(vector.string("email")))
        .clientId(vector.string("clientId"))
        .jti(vector.string("jti"))
        .iat(vector.number("iat"))
        .exp(vector.number("exp"))
        .accountType(Optional.ofNullable(vector.string("accountType")))
        .teams(Optional.ofNullable((List<String>) input.get("teams")))
        .firstName(Optional.ofNullable(vector.string("firstName")))
        .lastName(Optional.ofNullable(vector.string("lastName")))
        .userAttributes(Optional.ofNullable((Map<String, String>) input.get("userAttributes")))
        .evalConnectionId(Optional.ofNullable(vector.string("evalConnectionId")))
        .version(
            SigmaVersion.of(
                Optional.ofNullable(vector.string("ver")),
                Optional.ofNullable(vector.string("aud"))))
        .build();
  }

  /** The vectors of {@code scheme} as arguments named by their ids. */
  static Stream<Arguments> arguments(String scheme) {
    return arguments(of(scheme).stream());
  }

  /** {@code vectors} as arguments named by their ids. */
  static Stream<Arguments> arguments(Stream<Vector> vectors) {
    return vectors.map(v -> Arguments.of(Named.of(v.id(), v)));
  }
}
