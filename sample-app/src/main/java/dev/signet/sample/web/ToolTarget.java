package dev.signet.sample.web;

import dev.signet.runtime.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A vendor this app embeds, as the builder and the inspector see it: where the app signs for it,
 * with which secret, and what the app's own page signs for a user, from which the builder's form
 * starts.
 *
 * @param module the vendor module's name ({@code omni}, {@code looker}, ...)
 * @param where the origin or site URL the app signs for
 * @param secret the app's secret for the vendor
 * @param isStandin whether that is the local stand-in's secret, which the tools may use for anyone;
 *     a real vendor's secret signs only for the signed-in user, and only where {@code identity}
 *     names the parameter that says who the user is
 * @param identity the Java name of the parameter that holds the user's id, where the app signs one
 * @param browserUrl how a URL signed for {@code where} opens in a browser (the stand-ins serve over
 *     HTTP the URLs signed for HTTPS)
 * @param examples by declaration id, what the app's own page signs for a user
 */
record ToolTarget(
    String module,
    String where,
    Secret secret,
    boolean isStandin,
    Optional<String> identity,
    UnaryOperator<String> browserUrl,
    Map<String, Function<DemoUser, Object>> examples) {}
