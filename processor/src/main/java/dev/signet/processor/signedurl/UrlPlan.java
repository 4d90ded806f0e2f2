package dev.signet.processor.signedurl;

import dev.signet.processor.model.ValueTraits;
import java.util.Map;

/**
 * How a {@code @SignedUrl} whose URL is laid out otherwise than "request URL, then a line per
 * value" writes it: the layout of its signed text, its frame, its query's encoding, and where each
 * parameter travels and where its value comes from.
 *
 * @param layout the runtime's {@code LaidOutUrlScheme.Layout} constant
 * @param frame the text around the layout's, {@code {text}} and {@code {name}} standing for parts
 * @param queryEncoding the runtime's {@code LaidOutUrlScheme.QueryEncoding} constant
 * @param places each parameter's runtime {@code LaidOutUrlScheme.Place} constant, by name
 * @param traits each parameter's value traits, by name
 * @param positioned how many parameters have fixed positions
 * @param byName whether the others are ordered by name, spread entries among them
 */
public record UrlPlan(
    String layout,
    String frame,
    String queryEncoding,
    Map<String, String> places,
    Map<String, ValueTraits> traits,
    int positioned,
    boolean byName) {

  /** The traits of the parameter {@code name}. */
  public ValueTraits traitsOf(String name) {
    return traits.getOrDefault(name, ValueTraits.NONE);
  }

  /** Whether the parameter {@code name} is sent but not signed. */
  public boolean unsigned(String name) {
    return places.get(name).startsWith("UNSIGNED");
  }

  public boolean inPath(String name) {
    return places.get(name).startsWith("PATH");
  }
}
