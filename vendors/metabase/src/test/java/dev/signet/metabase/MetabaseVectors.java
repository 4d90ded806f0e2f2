package dev.signet.metabase;

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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The vectors of {@code vectors/metabase.jsonl}, and each case built with the declarations. */
final class MetabaseVectors {
  private MetabaseVectors() {}

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

  /** A case signed: its URL and its token. */
  record Signed(String url, String token) {}

  @SuppressWarnings("unchecked")
  static List<Vector> all() {
    List<Vector> vectors = new ArrayList<>();
    try (InputStream in = MetabaseVectors.class.getResourceAsStream("/vectors/metabase.jsonl");
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
   * The case built and signed.
   *
   * @throws IllegalArgumentException ({@link InvalidParameterException} among them) for a case
   *     Metabase's rules refuse
   */
  static Signed sign(Vector vector) {
    Secret secret = Secret.ofUtf8(vector.string("secret"));
    SiteUrl site = SiteUrl.of(vector.string("siteUrl"));
    Map<String, MetabaseParam> params = params(vector.input().get("params"));
    Map<String, String> options = fragment(vector.string("fragment"));
    @SuppressWarnings("unchecked")
    Map<String, Object> resource = (Map<String, Object>) vector.input().get("resource");
    if (resource.size() != 1) {
      throw new InvalidParameterException(
          "resource", "must name exactly one dashboard or question");
    }
    if (resource.containsKey("dashboard")) {
      SignetMetabaseDashboardEmbed.BuildStage embed =
          SignetMetabaseDashboardEmbed.builder()
              .resource(new MetabaseDashboard(MetabaseId.fromJson(resource.get("dashboard"))))
              .params(params)
              .iat(vector.number("iat"))
              .exp(vector.number("exp"));
      appearance(embed, options);
      SignetMetabaseDashboardEmbed built = embed.build();
      return new Signed(built.url(site, secret), built.token(secret));
    }
    if (resource.containsKey("question")) {
      SignetMetabaseQuestionEmbed.BuildStage embed =
          SignetMetabaseQuestionEmbed.builder()
              .resource(new MetabaseQuestion(MetabaseId.fromJson(resource.get("question"))))
              .params(params)
              .iat(vector.number("iat"))
              .exp(vector.number("exp"));
      appearanceOfQuestion(embed, options);
      SignetMetabaseQuestionEmbed built = embed.build();
      return new Signed(built.url(site, secret), built.token(secret));
    }
    throw new InvalidParameterException("resource", "must name a dashboard or a question");
  }

  static Map<String, MetabaseParam> params(Object json) {
    Map<String, MetabaseParam> params = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    Map<String, Object> members = (Map<String, Object>) json;
    members.forEach(
        (name, value) -> params.put(name, value == null ? null : MetabaseParam.fromJson(value)));
    return params;
  }

  /** The fragment's options, {@code name=value} joined by {@code &}, decoded. */
  static Map<String, String> fragment(String fragment) {
    Map<String, String> options = new LinkedHashMap<>();
    if (fragment.isEmpty()) {
      return options;
    }
    for (String pair : fragment.split("&", -1)) {
      int equals = pair.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException("fragment: " + pair + " is not name=value");
      }
      options.put(
          URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return options;
  }

  private static void appearance(
      SignetMetabaseDashboardEmbed.BuildStage embed, Map<String, String> options) {
    options.forEach(
        (name, value) -> {
          switch (name) {
            case "bordered" -> embed.bordered(Boolean.parseBoolean(value));
            case "titled" -> embed.titled(Boolean.parseBoolean(value));
            case "theme" -> embed.theme(theme(value));
            case "refresh" -> embed.refresh(Integer.parseInt(value));
            case "hide_parameters" -> embed.hideParameters(value);
            default -> throw new IllegalArgumentException("fragment: unknown option " + name);
          }
        });
  }

  private static void appearanceOfQuestion(
      SignetMetabaseQuestionEmbed.BuildStage embed, Map<String, String> options) {
    options.forEach(
        (name, value) -> {
          switch (name) {
            case "bordered" -> embed.bordered(Boolean.parseBoolean(value));
            case "titled" -> embed.titled(Boolean.parseBoolean(value));
            case "theme" -> embed.theme(theme(value));
            case "refresh" -> embed.refresh(Integer.parseInt(value));
            case "hide_parameters" -> embed.hideParameters(value);
            default -> throw new IllegalArgumentException("fragment: unknown option " + name);
          }
        });
  }

  static MetabaseTheme theme(String value) {
    return switch (value) {
      case "night" -> MetabaseTheme.NIGHT;
      case "transparent" -> MetabaseTheme.TRANSPARENT;
      default -> throw new IllegalArgumentException("theme: night or transparent, not " + value);
    };
  }
}
