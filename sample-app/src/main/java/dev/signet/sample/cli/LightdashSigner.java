package dev.signet.sample.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.lightdash.LightdashContentType;
import dev.signet.lightdash.LightdashDashboard;
import dev.signet.lightdash.LightdashFilters;
import dev.signet.lightdash.LightdashUser;
import dev.signet.lightdash.SignetLightdashEmbed;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SiteUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code sign lightdash}: an iframe embed URL of a dashboard, with signet-lightdash. */
final class LightdashSigner implements CaseSigner {
  @Override
  public String vendor() {
    return "lightdash";
  }

  @Override
  public String summary() {
    return "Lightdash's iframe embedding: SITE/embed/<projectUuid>#<token>";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        new Field("secret", "the project's embed secret"),
        new Field("siteUrl", "SITE, Lightdash's URL"),
        new Field("projectUuid", "the project in the path"),
        new Field(
            "content",
            "the content claim: {\"type\": \"dashboard\", \"dashboardUuid\" or \"dashboardSlug\","
                + " \"dashboardFiltersInteractivity\", \"canExportCsv\", ...}"),
        new Field("iat", "the issue time, Unix seconds; the clock's when absent"),
        new Field("expiresIn", "seconds from iat to exp; 3600 when absent"),
        new Field("user", "optional: {\"externalId\", \"email\"}"),
        new Field("userAttributes", "optional: attribute name to string"));
  }

  @Override
  public String sign(ObjectNode signedCase) {
    Secret secret = Secret.ofUtf8(CaseFields.text(signedCase, "secret"));
    SiteUrl site = SiteUrl.of(CaseFields.text(signedCase, "siteUrl"));
    SignetLightdashEmbed.BuildStage embed =
        SignetLightdashEmbed.builder()
            .projectUuid(CaseFields.text(signedCase, "projectUuid"))
            .content(
                content(
                    CaseFields.optionalObject(signedCase, "content")
                        .orElseThrow(
                            () -> new InvalidParameterException("content", "is required"))));
    CaseFields.optionalLong(signedCase, "iat").ifPresent(embed::iat);
    CaseFields.optionalLong(signedCase, "expiresIn")
        .ifPresent(seconds -> embed.timeToLive(Duration.ofSeconds(seconds)));
    CaseFields.optionalObject(signedCase, "user")
        .ifPresent(
            user ->
                embed.user(
                    new LightdashUser(
                        Optional.ofNullable(CaseFields.optionalText(user, "externalId")),
                        Optional.ofNullable(CaseFields.optionalText(user, "email")))));
    CaseFields.optionalObject(signedCase, "userAttributes")
        .ifPresent(
            attributes -> {
              Map<String, String> values = new LinkedHashMap<>();
              for (Map.Entry<String, JsonNode> attribute : attributes.properties()) {
                String name = attribute.getKey();
                JsonNode value = attribute.getValue();
                if (!value.isTextual()) {
                  throw new InvalidParameterException("userAttributes", "values are strings");
                }
                values.put(name, value.textValue());
              }
              embed.userAttributes(values);
            });
    return embed.build().url(site, secret);
  }

  private static LightdashDashboard content(ObjectNode content) {
    Optional<LightdashFilters> filters =
        CaseFields.optionalObject(content, "dashboardFiltersInteractivity")
            .map(
                f ->
                    new LightdashFilters(
                        LightdashFilters.Interactivity.of(
                            Optional.ofNullable(CaseFields.optionalText(f, "enabled")).orElse("")),
                        Optional.ofNullable(f.get("allowedFilters")).map(LightdashSigner::strings),
                        CaseFields.optionalBoolean(f, "hidden")));
    return new LightdashDashboard(
        LightdashContentType.of(
            Optional.ofNullable(CaseFields.optionalText(content, "type")).orElse("")),
        Optional.ofNullable(CaseFields.optionalText(content, "dashboardUuid")),
        Optional.ofNullable(CaseFields.optionalText(content, "dashboardSlug")),
        filters,
        CaseFields.optionalBoolean(content, "canExportCsv"),
        CaseFields.optionalBoolean(content, "canExportImages"),
        CaseFields.optionalBoolean(content, "canExportPagePdf"),
        CaseFields.optionalBoolean(content, "canDateZoom"),
        CaseFields.optionalBoolean(content, "canExplore"));
  }

  private static List<String> strings(JsonNode list) {
    if (!list.isArray()) {
      throw new InvalidParameterException(
          "dashboardFiltersInteractivity.allowedFilters", "must be a list of filter uuids");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode value : list) {
      if (!value.isTextual()) {
        throw new InvalidParameterException(
            "dashboardFiltersInteractivity.allowedFilters", "must be a list of filter uuids");
      }
      values.add(value.textValue());
    }
    return values;
  }
}
