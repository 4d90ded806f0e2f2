package dev.signet.sample.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Secret;
import dev.signet.tableau.SignetTableauToken;
import dev.signet.tableau.TableauAttribute;
import dev.signet.tableau.TableauScopes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code sign tableau}: a connected app's token (direct trust), with signet-tableau. */
final class TableauSigner implements CaseSigner {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String vendor() {
    return "tableau";
  }

  @Override
  public String summary() {
    return "Tableau's connected apps (direct trust): the JWT for <tableau-viz token=...>";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        new Field("secret", "the connected app's secret value (its text, not base64-decoded)"),
        new Field("secretId", "the secret's id, the header's kid"),
        new Field("clientId", "the connected app's client id, the header's iss"),
        new Field("username", "the Tableau user name, the sub claim"),
        new Field("scopes", "the scp claim: a list of at least one scope (tableau:views:embed)"),
        new Field("jti", "the token's unique id; a random UUID when absent"),
        new Field("iat", "the issue time, Unix seconds; the clock's when absent"),
        new Field("exp", "the expiry, Unix seconds, at most iat + 600; iat + 300 when absent"),
        new Field(
            "userAttributes",
            "optional: name to a string or a list of strings, each a claim of its own"));
  }

  @Override
  public String sign(ObjectNode signedCase) {
    Secret secret = Secret.ofUtf8(CaseFields.text(signedCase, "secret"));
    List<String> scopes = Cases.texts(signedCase, "scopes");
    if (scopes == null) {
      throw new InvalidParameterException("scopes", "is required: a list of scopes");
    }
    String jti = CaseFields.optionalText(signedCase, "jti");
    SignetTableauToken.BuildStage token =
        SignetTableauToken.builder()
            .secretId(CaseFields.text(signedCase, "secretId"))
            .clientId(CaseFields.text(signedCase, "clientId"))
            .jti(jti != null ? jti : UUID.randomUUID().toString())
            .username(CaseFields.text(signedCase, "username"))
            .scopes(TableauScopes.of(scopes));
    CaseFields.optionalLong(signedCase, "iat").ifPresent(token::iat);
    CaseFields.optionalLong(signedCase, "exp").ifPresent(token::exp);
    CaseFields.optionalObject(signedCase, "userAttributes")
        .ifPresent(attributes -> token.userAttributes(attributes(attributes)));
    return token.build().token(secret);
  }

  /** Each attribute's value as Tableau's code reads it: a string or a list of strings. */
  private static Map<String, TableauAttribute> attributes(ObjectNode attributes) {
    Map<String, TableauAttribute> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> attribute : attributes.properties()) {
      values.put(
          attribute.getKey(),
          TableauAttribute.fromJson(JSON.convertValue(attribute.getValue(), Object.class)));
    }
    return values;
  }
}
