package dev.signet.lightdash;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.JsonParser;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SiteUrl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The vectors of {@code vectors/lightdash.jsonl}, and each case built with the declaration. */
final class LightdashVectors {
  private LightdashVectors() {}

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

    @Override
    public String toString() {
      return id;
    }
  }

  @SuppressWarnings("unchecked")
  static List<Vector> all() {
    List<Vector> vectors = new ArrayList<>();
    try (InputStream in = LightdashVectors.class.getResourceAsStream("/vectors/lightdash.jsonl");
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
   * @throws IllegalArgumentException ({@link InvalidParameterException} among them) for a case
   *     Lightdash's rules refuse
   */
  @SuppressWarnings("unchecked")
  static SignetLightdashEmbed embed(Vector vector) {
    SignetLightdashEmbed.BuildStage embed =
        SignetLightdashEmbed.builder()
            .projectUuid(vector.string("projectUuid"))
            .content(content((Map<String, Object>) vector.input().get("content")))
            .iat(vector.number("iat"))
            .timeToLive(Duration.ofSeconds(vector.number("expiresIn")));
    Map<String, Object> user = (Map<String, Object>) vector.input().get("user");
    if (user != null) {
      embed.user(
          new LightdashUser(
              Optional.ofNullable((String) user.get("externalId")),
              Optional.ofNullable((String) user.get("email"))));
    }
    Map<String, Object> attributes = (Map<String, Object>) vector.input().get("userAttributes");
    if (attributes != null) {
      Map<String, String> values = new LinkedHashMap<>();
      attributes.forEach((name, value) -> values.put(name, (String) value));
      embed.userAttributes(values);
    }
    return embed.build();
  }

  /** The case signed: the URL. */
  static String url(Vector vector) {
    Secret secret = Secret.ofUtf8(vector.string("secret"));
    return embed(vector).url(SiteUrl.of(vector.string("siteUrl")), secret);
  }

  @SuppressWarnings("unchecked")
  static LightdashDashboard content(Map<String, Object> content) {
    Map<String, Object> filters =
        (Map<String, Object>) content.get("dashboardFiltersInteractivity");
    return new LightdashDashboard(
        LightdashContentType.of((String) content.get("type")),
        Optional.ofNullable((String) content.get("dashboardUuid")),
        Optional.ofNullable((String) content.get("dashboardSlug")),
        Optional.ofNullable(filters)
            .map(
                f ->
                    new LightdashFilters(
                        LightdashFilters.Interactivity.of((String) f.get("enabled")),
                        Optional.ofNullable((List<String>) f.get("allowedFilters")),
                        Optional.ofNullable((Boolean) f.get("hidden")))),
        Optional.ofNullable((Boolean) content.get("canExportCsv")),
        Optional.ofNullable((Boolean) content.get("canExportImages")),
        Optional.ofNullable((Boolean) content.get("canExportPagePdf")),
        Optional.ofNullable((Boolean) content.get("canDateZoom")),
        Optional.ofNullable((Boolean) content.get("canExplore")));
  }
}
