package dev.signet.sample.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code sign omni}: the same answers as {@code omni-url --jsonl}, from the same code. */
final class OmniSigner implements CaseSigner {
  @Override
  public String vendor() {
    return "omni";
  }

  @Override
  public String summary() {
    return "Omni's signed login and redeem-session URLs (as omni-url --jsonl)";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        new Field("op", "login (the default) or redeem"),
        new Field("secret", "the embed secret"),
        new Field("host", "Omni's host, omniapp.co by default"),
        new Field("organizationName", "the organization, the host's first label"),
        new Field("port", "the port, when not 443"),
        new Field("nonce", "the nonce; drawn when absent"),
        new Field(
            "contentPath, externalId, name",
            "login: what to show, the user's stable id and name (required)"),
        new Field(
            "accessBoost, branch, connectionRoles, customTheme, customThemeId, email, entity, ...",
            "login: the optional parameters of Omni's SDK, under its names (omni-url --help)"),
        new Field("sessionToken", "redeem: the token generate-session returned"),
        new Field("branch, prefersDark, theme", "redeem: optional"));
  }

  @Override
  public String sign(ObjectNode signedCase) {
    return OmniCase.signedUrl(signedCase);
  }
}
