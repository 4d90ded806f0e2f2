package dev.signet.sample.web;

import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import java.util.function.UnaryOperator;

/**
 * The Omni the app signs for: the origin and secret URLs are signed with, what the Omni page
 * opens, and how a signed URL becomes the iframe's {@code src} (itself for the real Omni; the
 * same URL over HTTP for the stand-in, see {@link dev.signet.sample.standin.OmniStandin}).
 *
 * @param standinSecret the stand-in's secret, which the URL builder may show; null for the real
 *     Omni, whose secret never reaches a browser
 */
record OmniTarget(
    Origin origin,
    Secret secret,
    String contentPath,
    UnaryOperator<String> browserUrl,
    String standinSecret) {

  boolean isStandin() {
    return standinSecret != null;
  }
}
