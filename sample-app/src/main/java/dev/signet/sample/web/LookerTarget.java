package dev.signet.sample.web;

import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The Looker the app signs for: the instance's origin (its host line is the signed text's first)
 * and the embed secret, the page the Looker page opens and the models its users may query, and how
 * a signed URL becomes the iframe's {@code src} (itself for the real Looker; the same URL over HTTP
 * for the stand-in, see {@link dev.signet.sample.standin.LookerStandin}).
 *
 * @param isStandin whether it is the local stand-in, whose secret is the app's own; the real
 *     Looker's secret never reaches a browser
 */
record LookerTarget(
    Origin origin,
    Secret secret,
    String target,
    List<String> models,
    UnaryOperator<String> browserUrl,
    boolean isStandin) {}
