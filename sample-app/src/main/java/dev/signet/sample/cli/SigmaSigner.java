package dev.signet.sample.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.runtime.Secret;
import dev.signet.sigma.SigmaEmail;
import dev.signet.sigma.SigmaEmbedPaths;
import dev.signet.sigma.SigmaNames;
import dev.signet.sigma.SigmaSignedUrl;
import dev.signet.sigma.SigmaVersion;
import dev.signet.sigma.SignetSigmaJwtEmbed;
import dev.signet.sigma.SignetSigmaSignedUrl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sign sigma}: Sigma's JWT embed ({@code scheme} {@code jwt}) or its signed URL ({@code
 * signed-url}), each from its declaration in signet-sigma.
 */
final class SigmaSigner implements CaseSigner {
  @Override
  public String vendor() {
    return "sigma";
  }

  @Override
  public String summary() {
    return "Sigma's embeds: EMBED_PATH?:jwt=<token>&:embed=true (scheme jwt) or the signed URL"
        + " (scheme signed-url)";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        new Field("scheme", "jwt or signed-url"),
        new Field("secret", "the embed secret"),
        new Field("embedPath", "the URL Sigma gives for the workbook, page or element"),
        new Field("clientId, email", "the embed client and user (required)"),
        new Field("jwt: jti", "the token's unique id (required)"),
        new Field("jwt: iat, exp", "Unix seconds; the clock's and iat + 3600 when absent"),
        new Field(
            "jwt: accountType, teams, firstName, lastName, evalConnectionId", "optional claims"),
        new Field("jwt: userAttributes", "optional object, attribute name to string"),
        new Field(
            "jwt: ver, aud", "optional: \"1.0\" or \"1.1\"; 1.1 needs aud \"sigmacomputing\""),
        new Field("signed-url: externalUserId, externalUserTeam", "the user (required)"),
        new Field("signed-url: nonce", "32 hex digits or a UUID; drawn when absent"),
        new Field("signed-url: time", "Unix seconds; the clock's when absent"),
        new Field("signed-url: sessionLength", "seconds"),
        new Field("signed-url: mode", "userbacked, the only mode Sigma admits"),
        new Field("signed-url: accountType, firstName, lastName, theme, menuPosition", "optional"),
        new Field("signed-url: userAttributes", "optional object, each entry sent as :ua_NAME"),
        new Field("signed-url: controls", "optional object, control id to value"));
  }

  @Override
  public String sign(ObjectNode signedCase) {
    String scheme = Cases.text(signedCase, "scheme");
    if (!scheme.equals("signed-url") && !scheme.equals("jwt")) {
      throw new IllegalArgumentException("scheme: must be signed-url or jwt");
    }
    String secret = Cases.text(signedCase, "secret");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("secret: must not be empty");
    }
    if (scheme.equals("jwt")) {
      return jwt(signedCase, Secret.ofUtf8(secret));
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

  private static String jwt(ObjectNode signedCase, Secret secret) {
    SigmaEmbedPaths embed = SigmaEmbedPaths.of(Cases.text(signedCase, "embedPath"));
    SignetSigmaJwtEmbed.BuildStage jwt =
        SignetSigmaJwtEmbed.builder()
            .path(embed.path())
            .email(SigmaEmail.of(Cases.text(signedCase, "email")))
            .clientId(Cases.text(signedCase, "clientId"))
            .jti(Cases.text(signedCase, "jti"));
    if (signedCase.has("iat")) {
      jwt.iat(Cases.number(signedCase, "iat"));
    }
    if (signedCase.has("exp")) {
      jwt.exp(Cases.number(signedCase, "exp"));
    }
    jwt.accountType(optional(signedCase, "accountType"));
    jwt.teams(Optional.ofNullable(Cases.texts(signedCase, "teams")));
    jwt.firstName(optional(signedCase, "firstName"));
    jwt.lastName(optional(signedCase, "lastName"));
    if (signedCase.has("userAttributes")) {
      jwt.userAttributes(texts(signedCase, "userAttributes"));
    }
    jwt.evalConnectionId(optional(signedCase, "evalConnectionId"));
    jwt.version(SigmaVersion.of(optional(signedCase, "ver"), optional(signedCase, "aud")));
    return jwt.build().url(embed.site(), secret);
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
