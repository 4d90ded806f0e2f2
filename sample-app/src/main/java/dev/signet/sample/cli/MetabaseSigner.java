package dev.signet.sample.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.metabase.MetabaseDashboard;
import dev.signet.metabase.MetabaseId;
import dev.signet.metabase.MetabaseParam;
import dev.signet.metabase.MetabaseQuestion;
import dev.signet.metabase.MetabaseTheme;
import dev.signet.metabase.SignetMetabaseDashboardEmbed;
import dev.signet.metabase.SignetMetabaseQuestionEmbed;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SiteUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sign metabase}: a static-embedding URL of a dashboard or a question, with signet-metabase.
 */
final class MetabaseSigner implements CaseSigner {
  @Override
  public String vendor() {
    return "metabase";
  }

  @Override
  public String summary() {
    return "Metabase's static embedding: SITE_URL/embed/dashboard/<token> (or /question/)";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        new Field("secret", "the embedding secret key (its text, not hex-decoded)"),
        new Field("siteUrl", "SITE_URL, which may carry a path (https://example.com/metabase)"),
        new Field(
            "resource", "{\"dashboard\": ID} or {\"question\": ID}; ID a number or an entity id"),
        new Field("params", "the locked parameters: name to string, number, list or null"),
        new Field("iat", "the issue time, Unix seconds; the clock's when absent"),
        new Field("exp", "the expiry, Unix seconds; iat + 600 when absent"),
        new Field(
            "fragment",
            "the appearance options after # (bordered, titled, theme, refresh, hide_parameters),"
                + " or \"\""));
  }

  @Override
  public String sign(ObjectNode signedCase) {
    Secret secret = Secret.ofUtf8(CaseFields.text(signedCase, "secret"));
    SiteUrl site = SiteUrl.of(CaseFields.text(signedCase, "siteUrl"));
    Map<String, MetabaseParam> params = params(signedCase.get("params"));
    Map<String, String> options = options(CaseFields.optionalText(signedCase, "fragment"));
    JsonNode resource = signedCase.get("resource");
    if (resource == null || !resource.isObject() || resource.size() != 1) {
      throw new InvalidParameterException(
          "resource", "must name exactly one dashboard or question: {\"dashboard\": ID}");
    }
    if (resource.has("dashboard")) {
      SignetMetabaseDashboardEmbed.BuildStage embed =
          SignetMetabaseDashboardEmbed.builder()
              .resource(new MetabaseDashboard(id(resource.get("dashboard"))))
              .params(params);
      CaseFields.optionalLong(signedCase, "iat").ifPresent(embed::iat);
      CaseFields.optionalLong(signedCase, "exp").ifPresent(embed::exp);
      options.forEach(
          (name, value) -> {
            switch (name) {
              case "bordered" -> embed.bordered(bool(name, value));
              case "titled" -> embed.titled(bool(name, value));
              case "theme" -> embed.theme(theme(value));
              case "refresh" -> embed.refresh(number(name, value));
              case "hide_parameters" -> embed.hideParameters(value);
              default -> throw unknownOption(name);
            }
          });
      return embed.build().url(site, secret);
    }
    if (resource.has("question")) {
      SignetMetabaseQuestionEmbed.BuildStage embed =
          SignetMetabaseQuestionEmbed.builder()
              .resource(new MetabaseQuestion(id(resource.get("question"))))
              .params(params);
      CaseFields.optionalLong(signedCase, "iat").ifPresent(embed::iat);
      CaseFields.optionalLong(signedCase, "exp").ifPresent(embed::exp);
      options.forEach(
          (name, value) -> {
            switch (name) {
              case "bordered" -> embed.bordered(bool(name, value));
              case "titled" -> embed.titled(bool(name, value));
              case "theme" -> embed.theme(theme(value));
              case "refresh" -> embed.refresh(number(name, value));
              case "hide_parameters" -> embed.hideParameters(value);
              default -> throw unknownOption(name);
            }
          });
      return embed.build().url(site, secret);
    }
    throw new InvalidParameterException(
        "resource", "must name a dashboard or a question: {\"dashboard\": ID}");
  }

  private static MetabaseId id(JsonNode id) {
    if (id.isIntegralNumber() && id.canConvertToLong()) {
      return MetabaseId.of(id.longValue());
    }
    if (id.isTextual()) {
      return MetabaseId.ofEntityId(id.textValue());
    }
    throw new InvalidParameterException("resource", "an id is a whole number or an entity id");
  }

  private static Map<String, MetabaseParam> params(JsonNode params) {
    if (params == null || !params.isObject()) {
      throw new InvalidParameterException("params", "must be an object, {} when there are none");
    }
    Map<String, MetabaseParam> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> param : params.properties()) {
      JsonNode value = param.getValue();
      if (value.isNull()) {
        values.put(param.getKey(), null);
      } else if (value.isArray()) {
        List<Object> elements = new ArrayList<>();
        value.forEach(element -> elements.add(scalar(element)));
        values.put(param.getKey(), MetabaseParam.ofList(elements));
      } else {
        Object scalar = scalar(value);
        values.put(
            param.getKey(),
            scalar instanceof String text
                ? MetabaseParam.of(text)
                : scalar instanceof Long number
                    ? MetabaseParam.of(number)
                    : MetabaseParam.of((java.math.BigDecimal) scalar));
      }
    }
    return values;
  }

  private static Object scalar(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    throw new InvalidParameterException(
        "params", "a parameter's value is a string, a number, a list of them or null");
  }

  /** The fragment's options: {@code name=value} pairs joined by {@code &}, decoded. */
  private static Map<String, String> options(String fragment) {
    Map<String, String> options = new LinkedHashMap<>();
    if (fragment == null || fragment.isEmpty()) {
      return options;
    }
    for (String pair : fragment.split("&", -1)) {
      int equals = pair.indexOf('=');
      if (equals < 1) {
        throw new InvalidParameterException("fragment", "each option is name=value");
      }
      String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
      if (options.put(name, URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8))
          != null) {
        throw new InvalidParameterException("fragment", name + " is given twice");
      }
    }
    return options;
  }

  private static boolean bool(String name, String value) {
    if (!value.equals("true") && !value.equals("false")) {
      throw new InvalidParameterException(name, "must be true or false");
    }
    return Boolean.parseBoolean(value);
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(name, "must be a whole number of seconds");
    }
  }

  private static MetabaseTheme theme(String value) {
    return switch (value) {
      case "night" -> MetabaseTheme.NIGHT;
      case "transparent" -> MetabaseTheme.TRANSPARENT;
      default -> throw new InvalidParameterException("theme", "must be night or transparent");
    };
  }

  private static InvalidParameterException unknownOption(String name) {
    return new InvalidParameterException(
        "fragment",
        "has an option Signet does not know; use bordered, titled, theme, refresh or"
            + " hide_parameters");
  }
}
