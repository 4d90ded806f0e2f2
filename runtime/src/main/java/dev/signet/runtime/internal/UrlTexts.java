package dev.signet.runtime.internal;

import java.util.Map;

/**
 * The texts of one request of a {@link LaidOutUrlScheme}: its fixed parameters' texts in the
 * scheme's slot order (null where one is absent), and the entries of its spread map, keyed without
 * their prefix, in the order they are sent (empty when the scheme has no spread).
 *
 * <p>Only generated code and the verifier make one; neither changes it once made.
 */
public record UrlTexts(String[] values, Map<String, String> spread) {}
