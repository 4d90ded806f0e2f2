package dev.signet.sample.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.runtime.Secret;
import dev.signet.sigma.SigmaEmbedPaths;
import dev.signet.sigma.SigmaNames;
import dev.signet.sigma.SigmaSignedUrl;
import dev.signet.sigma.SignetSigmaSignedUrl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sign sigma}: Sigma's signed URL from its declaration in signet-sigma, for cases whose
 * {@code scheme} is {@code signed-url}; its JWT embed is not yet declared.
 */
final class SigmaSigner implements CaseSigner {
  @Override
  public String vendor() {
    return "sigma";
  }

  @Override
  public String summary() {
    return "Sigma's signed embed URL (scheme signed-url; jwt not yet supported)";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        new Field("scheme", "signed-url (jwt is not yet supported)"),
        new Field("secret", "the embed secret"),
        new Field("embedPath", "the URL Sigma gives for the workbook, page or element"),
        new Field(
            "clientId, email, externalUserId, externalUserTeam",
            "the embed client and user (required)"),
        new Field("nonce", "32 hex digits or a UUID; drawn when absent"),
        new Field("time", "Unix seconds; the clock's when absent"),
        new Field("sessionLength", "seconds"),
        new Field("mode", "userbacked, the only mode Sigma admits"),
        new Field("accountType, firstName, lastName, theme, menuPosition", "optional"),
        new Field("userAttributes", "optional object, each entry sent as :ua_NAME"),
        new Field("controls", "optional object, control id to value"));
  }

  @Override
  public String sign(ObjectNode signedCase) {
    String scheme = Cases.text(signedCase, "scheme");
    if (scheme.equals("jwt")) {
      throw new IllegalArgumentException("scheme: jwt is not yet supported");
    }
    if (!scheme.equals("signed-url")) {
      throw new IllegalArgumentException("scheme: must be signed-url or jwt");
    }
    String secret = Cases.text(signedCase, "secret");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("secret: must not be empty");
    }
    if (signedCase.has("mode") && !Cases.text(signedCase, "mode").equals(SigmaSignedUrl.MODE)) {
      throw new IllegalArgumentException("mode: must be " + SigmaSignedUrl.MODE);
    }
    SigmaEmbedPaths embed = SigmaEmbedPaths.of(Cases.text(signedCase, "embedPath"));
    SignetSigmaSignedUrl.BuildStage url =
        SignetSigmaSignedUrl.builder()
            .path(embed.path())
            .email(Cases.text(signedCase, "email"))
            .externalUserId(Cases.text(signedCase, "externalUserId"))
            .clientId(Cases.text(signedCase, "clientId"))
            .sessionLength(Cases.number(signedCase, "sessionLength"))
            .externalUserTeam(Cases.text(signedCase, "externalUserTeam"));
    if (signedCase.has("nonce")) {
      url.nonce(Cases.text(signedCase, "nonce"));
    }
    if (signedCase.has("time")) {
      url.time(Cases.number(signedCase, "time"));
    }
    Optional<String> firstName = optional(signedCase, "firstName");
    Optional<String> lastName = optional(signedCase, "lastName");
    SigmaNames.requireBoth(firstName, lastName);
    url.firstName(firstName).lastName(lastName);
    url.accountType(optional(signedCase, "accountType"));
    url.theme(optional(signedCase, "theme"));
    url.menuPosition(optional(signedCase, "menuPosition"));
    if (signedCase.has("userAttributes")) {
      url.userAttributes(texts(signedCase, "userAttributes"));
    }
    if (signedCase.has("controls")) {
      url.controls(texts(signedCase, "controls"));
    }
    return url.build().signedUrl(embed.origin(), Secret.ofUtf8(secret));
  }

  private static Optional<String> optional(JsonNode parent, String field) {
    return parent.hasNonNull(field) ? Optional.of(Cases.text(parent, field)) : Optional.empty();
  }

  private static Map<String, String> texts(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (!node.isObject()) {
      throw new IllegalArgumentException(field + ": must be an object of texts");
    }
    Map<String, String> texts = new LinkedHashMap<>();
    node.properties().forEach(entry -> texts.put(entry.getKey(), Cases.text(node, entry.getKey())));
    return texts;
  }
}
