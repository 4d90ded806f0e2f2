package dev.signet.sample.web;

import dev.signet.codatum.CodatumClient;
import dev.signet.codatum.IssuedToken;
import dev.signet.runtime.FormEncoding;
import java.util.Map;

/**
 * The Codatum the app gets tokens from and embeds: the token API's client and credentials, the
 * integration's embed URL and its origin (the only origin the pages talk to), and the published
 * page each host page shows. {@link #toString()} leaves the secret out.
 */
record CodatumTarget(
    CodatumClient client,
    String apiKey,
    String apiSecret,
    String integrationId,
    String embedUrl,
    String embedOrigin,
    Map<NotebookPage, String> pageIds,
    boolean isStandin) {

  /** Pattern 2's {@code src}: the embed URL with {@code ?token=}. */
  String embedUrlWithToken(IssuedToken token) {
    StringBuilder url = new StringBuilder(embedUrl);
    url.append(embedUrl.indexOf('?') < 0 ? '?' : '&');
    FormEncoding.appendParameter(url, "token", token.token());
    return url.toString();
  }

  @Override
  public String toString() {
    return "CodatumTarget[apiKey=" + apiKey + ", apiSecret=[redacted], embedUrl=" + embedUrl + "]";
  }
}
