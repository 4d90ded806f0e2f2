package dev.signet.sample.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.mode.SignetModeEmbed;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code sign mode}: Mode's signed white-label embed URL, from its declaration in signet-mode. */
final class ModeSigner implements CaseSigner {
  @Override
  public String vendor() {
    return "mode";
  }

  @Override
  public String summary() {
    return "Mode's signed white-label embed URL";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        new Field("secret", "the access secret"),
        new Field("accessKey", "the access key (access_key)"),
        new Field("host", "app.mode.com (or modeanalytics.com)"),
        new Field("org, report", "the organization and the report's token"),
        new Field("timestamp", "Unix seconds; the clock's when absent"),
        new Field("maxAge", "optional max_age, seconds"),
        new Field("run", "optional: now"),
        new Field("params", "optional object: report parameter NAME to text, sent as param_NAME"));
  }

  @Override
  public String sign(ObjectNode signedCase) {
    String secret = Cases.text(signedCase, "secret");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("secret: must not be empty");
    }
    SignetModeEmbed.BuildStage embed =
        SignetModeEmbed.builder()
            .org(Cases.text(signedCase, "org"))
            .report(Cases.text(signedCase, "report"))
            .accessKey(Cases.text(signedCase, "accessKey"));
    if (signedCase.has("timestamp")) {
      embed.timestamp(Cases.number(signedCase, "timestamp"));
    }
    if (signedCase.has("maxAge")) {
      embed.maxAge(Cases.number(signedCase, "maxAge"));
    }
    if (signedCase.has("run")) {
      embed.run(Cases.text(signedCase, "run"));
    }
    if (signedCase.has("params")) {
      JsonNode params = signedCase.get("params");
      if (!params.isObject()) {
        throw new IllegalArgumentException("params: must be an object of texts");
      }
      Map<String, String> values = new LinkedHashMap<>();
      params
          .properties()
          .forEach(param -> values.put(param.getKey(), Cases.text(params, param.getKey())));
      embed.params(values);
    }
    return embed
        .build()
        .signedUrl(Origin.https(Cases.text(signedCase, "host")), Secret.ofUtf8(secret));
  }
}
