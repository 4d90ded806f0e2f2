package dev.signet.runtime.internal;

import java.util.List;
import java.util.Map;

/**
 * The texts of one request of a {@link LaidOutUrlScheme}: its fixed parameters' texts in the
 * scheme's slot order (null where one is absent), and the entries of each of its spread maps, in
 * the order of their slots, keyed without their prefix, in the order they are sent.
 *
 * <p>Only generated code and the verifier make one; neither changes it once made.
 */
public record UrlTexts(String[] values, List<Map<String, String>> spreads) {}
