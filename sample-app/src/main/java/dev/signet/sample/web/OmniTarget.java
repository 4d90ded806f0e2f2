package dev.signet.sample.web;

import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import java.util.function.UnaryOperator;

/**
 * The Omni the app signs for: the origin and secret URLs are signed with, what the Omni page opens,
 * and how a signed URL becomes the iframe's {@code src} (itself for the real Omni; the same URL
 * over HTTP for the stand-in, see {@link dev.signet.sample.standin.OmniStandin}).
 *
 * @param isStandin whether it is the local stand-in, whose secret is the app's own; the real Omni's
 *     secret never reaches a browser
 */
record OmniTarget(
    Origin origin,
    Secret secret,
    String contentPath,
    UnaryOperator<String> browserUrl,
    boolean isStandin) {}
