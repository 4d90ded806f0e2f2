package dev.signet.runtime.internal;

import dev.signet.runtime.FormEncoding;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Json;
import dev.signet.runtime.MacAlgorithm;
import dev.signet.runtime.Nonces;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SignatureFormat;
import dev.signet.runtime.SignedTextReport;
import dev.signet.runtime.UriComponentEncoding;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * One signed-URL type's scheme where the URL is laid out otherwise than as today's "request URL,
 * then a line per value": parameters in the path or the fragment, parameters sent but not signed, a
 * map spread into parameters, a timestamp, and signed texts made of the host and path (Looker) or
 * of the URL exactly as written, framed (Mode). Generated code declares it once per type; the
 * {@link dev.signet.runtime.UrlVerifier} reads it to check what it receives.
 *
 * @param <T> the request type
 */
public final class LaidOutUrlScheme<T> {
  /** What the signed text is made of, before its frame. */
  public enum Layout {
    URL_THEN_VALUES,
    HOST_THEN_PATH_THEN_VALUES,
    URL_AS_WRITTEN
  }

  /** Where a parameter travels, and whether it is signed. */
  public enum Place {
    /** In the query, signed. */
    QUERY,
    /** In the query, sent but not signed. */
    UNSIGNED_QUERY,
    /** One path segment, {@code /} escaped. */
    PATH_SEGMENT,
    /** In the path, {@code /} kept. */
    PATH_SEGMENTS,
    /** In the fragment, which no server receives, so never signed. */
    UNSIGNED_FRAGMENT,
    /** A map whose entries are signed query parameters named with a prefix. */
    SPREAD
  }

  /** How the query writes names and values. */
  public enum QueryEncoding {
    FORM,
    RFC_3986
  }

  /**
   * One parameter.
   *
   * @param name its wire name; for a spread, the prefix of its entries' names
   * @param place where it travels
   * @param required whether every request carries it
   */
  public record Slot(String name, Place place, boolean required) {
    /** Whether it is part of the signed text as a value of its own (or, spread, as values). */
    public boolean signedValue() {
      return place == Place.QUERY || place == Place.SPREAD;
    }

    public boolean inQuery() {
      return place == Place.QUERY || place == Place.UNSIGNED_QUERY || place == Place.SPREAD;
    }

    public boolean inPath() {
      return place == Place.PATH_SEGMENT || place == Place.PATH_SEGMENTS;
    }
  }

  /**
   * The nonce, when the scheme has one.
   *
   * @param name its wire name
   * @param length its length
   * @param alphabet its characters
   * @param json whether its text is the nonce as a JSON string, quoted (Looker)
   * @param forms the forms a given nonce may take; the first is the one drawn
   */
  public record NonceRule(String name, int length, String alphabet, boolean json, Form... forms) {
    /** A form of nonce. */
    public enum Form {
      /** {@code length} characters of {@code alphabet}. */
      CHARACTERS,
      /** A UUID's text, 8-4-4-4-12 lower-case hex digits. */
      UUID
    }
  }

  /** A UUID's text, whatever its version bits: what vendors that take "a UUID" check. */
  private static final java.util.regex.Pattern UUID_TEXT =
      java.util.regex.Pattern.compile(
          "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** One name and text, in the order they are sent. */
  record Entry(String name, String text, boolean signed) {}

  private final String pathTemplate;
  private final String signatureParameter;
  private final Layout layout;
  private final List<Object> frame;
  private final String separator;
  private final QueryEncoding queryEncoding;
  private final MacAlgorithm algorithm;
  private final SignatureFormat format;
  private final List<Slot> slots;
  private final int positioned;
  private final boolean sortedByName;
  private final NonceRule nonce;
  private final int timestampSlot;
  private final int[] spreadSlots;
  private final List<Object> path;
  private final Function<UrlTexts, T> reader;
  private final Function<T, UrlTexts> texts;

  /**
   * @param pathTemplate the path, path parameters named in braces
   * @param signatureParameter the query parameter carrying the signature
   * @param layout what the signed text is made of
   * @param frame the text around the layout's, {@code {text}} standing for it and {@code {name}}
   *     for a parameter's text
   * @param separator what joins the lines of the signed text
   * @param queryEncoding how the query is written
   * @param algorithm the MAC
   * @param format how the MAC is written
   * @param slots every parameter, signed ones in signed order
   * @param positioned how many of the first slots have fixed positions, which sorting leaves alone
   * @param sortedByName whether the other query parameters, spread entries included, are sent and
   *     signed in the order of their names
   * @param nonce the nonce, or null where a timestamp gives freshness alone
   * @param timestamp the wire name of the timestamp, or null
   * @param reader builds a request from the texts received, refusing with an {@link
   *     InvalidParameterException} what its type refuses or it does not write so
   * @param texts a request's texts
   */
  public LaidOutUrlScheme(
      String pathTemplate,
      String signatureParameter,
      Layout layout,
      String frame,
      String separator,
      QueryEncoding queryEncoding,
      MacAlgorithm algorithm,
      SignatureFormat format,
      List<Slot> slots,
      int positioned,
      boolean sortedByName,
      NonceRule nonce,
      String timestamp,
      Function<UrlTexts, T> reader,
      Function<T, UrlTexts> texts) {
    this.pathTemplate = pathTemplate;
    this.signatureParameter = signatureParameter;
    this.layout = layout;
    this.separator = separator;
    this.queryEncoding = queryEncoding;
    this.algorithm = algorithm;
    this.format = format;
    this.slots = List.copyOf(slots);
    this.positioned = positioned;
    this.sortedByName = sortedByName;
    this.nonce = nonce;
    this.timestampSlot = timestamp == null ? -1 : slotOf(timestamp);
    this.spreadSlots =
        java.util.stream.IntStream.range(0, this.slots.size())
            .filter(i -> this.slots.get(i).place() == Place.SPREAD)
            .toArray();
    this.frame = parts(frame, true);
    this.path = parts(pathTemplate, false);
    this.reader = reader;
    this.texts = texts;
  }

  /**
   * {@code template} cut into its literal texts and, for each name in braces, the index of its
   * slot; in a frame, {@code {text}} is {@link Layout} itself.
   */
  private List<Object> parts(String template, boolean isFrame) {
    List<Object> parts = new ArrayList<>();
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (close < 0) {
        parts.add(template.substring(at));
        break;
      }
      if (open > at) {
        parts.add(template.substring(at, open));
      }
      String name = template.substring(open + 1, close);
      parts.add(isFrame && name.equals("text") ? layout : (Object) slotOf(name));
      at = close + 1;
    }
    return List.copyOf(parts);
  }

  private int slotOf(String name) {
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no parameter " + name);
  }

  public String signatureParameter() {
    return signatureParameter;
  }

  public Layout layout() {
    return layout;
  }

  public QueryEncoding queryEncoding() {
    return queryEncoding;
  }

  public MacAlgorithm algorithm() {
    return algorithm;
  }

  public SignatureFormat format() {
    return format;
  }

  public List<Slot> slots() {
    return slots;
  }

  /** The nonce's rule, or null when freshness rests on the timestamp alone. */
  public NonceRule nonceRule() {
    return nonce;
  }

  /** The timestamp's slot, or -1. */
  public int timestampSlot() {
    return timestampSlot;
  }

  /** The slots of the spread maps, in order. */
  public int[] spreadSlots() {
    return spreadSlots.clone();
  }

  /** Which of the spread maps the slot {@code slot} is, counting from 0. */
  private int spreadIndex(int slot) {
    for (int i = 0; i < spreadSlots.length; i++) {
      if (spreadSlots[i] == slot) {
        return i;
      }
    }
    throw new IllegalArgumentException("slot " + slot + " is no spread");
  }

  /** The path template's parts: literal texts and slot indexes. */
  public List<Object> pathParts() {
    return path;
  }

  public Function<UrlTexts, T> reader() {
    return reader;
  }

  public UrlTexts textsOf(T request) {
    return texts.apply(request);
  }

  // ---- building a request

  /** {@code given} checked against the nonce's shape, or a nonce drawn when it is null. */
  public String nonce(String given) {
    List<NonceRule.Form> forms = List.of(nonce.forms());
    if (given == null) {
      return forms.get(0) == NonceRule.Form.UUID
          ? java.util.UUID.randomUUID().toString()
          : Nonces.random(nonce.length(), nonce.alphabet());
    }
    if (forms.contains(NonceRule.Form.UUID) && UUID_TEXT.matcher(given).matches()) {
      return given;
    }
    if (!forms.contains(NonceRule.Form.CHARACTERS)) {
      throw new InvalidParameterException(
          nonce.name(), "must be a UUID, 8-4-4-4-12 lower-case hex digits");
    }
    try {
      return Nonces.check(nonce.name(), given, nonce.length(), nonce.alphabet());
    } catch (InvalidParameterException e) {
      if (!forms.contains(NonceRule.Form.UUID)) {
        throw e;
      }
      throw new InvalidParameterException(
          nonce.name(),
          "must be a UUID (8-4-4-4-12 lower-case hex digits) or "
              + nonce.length()
              + " characters of "
              + nonce.alphabet());
    }
  }

  /** The nonce's text: itself, or as a JSON string. */
  public String nonceText(String nonce) {
    if (!this.nonce.json()) {
      return nonce;
    }
    StringBuilder out = new StringBuilder(nonce.length() + 2);
    Json.appendString(out, nonce);
    return out.toString();
  }

  /** The given timestamp, or the seconds since the epoch that {@code clock} tells. */
  public static long timestamp(Long given, Clock clock) {
    return given != null
        ? given
        : (clock == null ? Clock.systemUTC() : clock).instant().getEpochSecond();
  }

  /**
   * The texts of a request, once each value signed on a line of its own is checked to hold no line
   * break or separator, and each spread entry to have a key that is not empty and names no other
   * parameter.
   */
  public UrlTexts checkedTexts(List<Map<String, String>> spreads, String... values) {
    if (layout != Layout.URL_AS_WRITTEN) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null && slots.get(i).signedValue()) {
          ParameterChecks.lineValue(slots.get(i).name(), values[i], separator);
        }
      }
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null && slots.get(i).inPath() && values[i].isEmpty()) {
        throw new InvalidParameterException(
            slots.get(i).name(), "is a path segment, which must not be empty");
      }
    }
    for (int s = 0; s < spreadSlots.length; s++) {
      String prefix = slots.get(spreadSlots[s]).name();
      for (Map.Entry<String, String> entry : spreads.get(s).entrySet()) {
        String key = entry.getKey();
        String name = prefix + key;
        if (key.isEmpty()) {
          throw new InvalidParameterException(
              prefix + "*", "a key of the spread map is empty; each names a parameter");
        }
        if (slotNamed(name, false) != spreadSlots[s] || name.equals(signatureParameter)) {
          throw new InvalidParameterException(
              name,
              "is, or reads as, another parameter, so the spread map must not have the key " + key);
        }
        if (layout != Layout.URL_AS_WRITTEN) {
          ParameterChecks.lineValue(name, entry.getValue(), separator);
        }
      }
    }
    return new UrlTexts(values, List.copyOf(spreads));
  }

  /**
   * The slot that a name received in the query (or the fragment) belongs to, or -1: a fixed
   * parameter's own name first, then the spread with the longest prefix that it starts with.
   */
  public int slotNamed(String name, boolean fragment) {
    int best = -1;
    for (int i = 0; i < slots.size(); i++) {
      Slot slot = slots.get(i);
      if ((slot.place() == Place.UNSIGNED_FRAGMENT) != fragment || slot.inPath()) {
        continue;
      }
      if (slot.place() != Place.SPREAD) {
        if (slot.name().equals(name)) {
          return i;
        }
      } else if (name.startsWith(slot.name())
          && name.length() > slot.name().length()
          && (best < 0 || slot.name().length() > slots.get(best).name().length())) {
        best = i;
      }
    }
    return best;
  }

  // ---- the URL and the signed text

  /** The path of a request, its path parameters encoded. */
  public String path(UrlTexts texts) {
    StringBuilder out = new StringBuilder();
    for (Object part : path) {
      if (part instanceof String literal) {
        out.append(literal);
      } else {
        int slot = (Integer) part;
        String value = texts.values()[slot];
        if (slots.get(slot).place() == Place.PATH_SEGMENTS) {
          String[] segments = value.split("/", -1);
          for (int s = 0; s < segments.length; s++) {
            out.append(s == 0 ? "" : "/")
                .append(encodeComponent(slots.get(slot).name(), segments[s]));
          }
        } else {
          out.append(encodeComponent(slots.get(slot).name(), value));
        }
      }
    }
    return out.toString();
  }

  private static String encodeComponent(String parameter, String value) {
    try {
      return UriComponentEncoding.encode(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(parameter, e.getMessage());
    }
  }

  /** The query's and fragment's entries, in the order they are sent. */
  List<Entry> entries(UrlTexts texts, boolean fragment) {
    List<Entry> fixed = new ArrayList<>();
    List<Entry> rest = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      Slot slot = slots.get(i);
      if ((slot.place() == Place.UNSIGNED_FRAGMENT) != fragment || !(fragment || slot.inQuery())) {
        continue;
      }
      List<Entry> into = i < positioned ? fixed : rest;
      if (slot.place() == Place.SPREAD) {
        for (Map.Entry<String, String> entry : texts.spreads().get(spreadIndex(i)).entrySet()) {
          into.add(new Entry(slot.name() + entry.getKey(), entry.getValue(), true));
        }
      } else if (texts.values()[i] != null) {
        into.add(new Entry(slot.name(), texts.values()[i], slot.signedValue()));
      }
    }
    if (sortedByName) {
      rest.sort(Comparator.comparing(Entry::name));
    }
    fixed.addAll(rest);
    return fixed;
  }

  /** The URL of a request, without its signature: what {@link Layout#URL_AS_WRITTEN} signs. */
  public String unsignedUrl(Origin origin, UrlTexts texts) {
    StringBuilder url = new StringBuilder(Objects.requireNonNull(origin, "origin").toString());
    url.append(path(texts));
    char joiner = '?';
    for (Entry entry : entries(texts, false)) {
      url.append(joiner);
      appendEncoded(url, entry.name());
      url.append('=');
      appendEncoded(url, entry.text());
      joiner = '&';
    }
    return url.toString();
  }

  /** The URL of a request, signed with {@code secret}, then its fragment. */
  public String signedUrl(Origin origin, Secret secret, UrlTexts texts) {
    String unsigned = unsignedUrl(origin, texts);
    StringBuilder url = new StringBuilder(unsigned);
    // The signature's name is written as declared, as vendors write theirs (Sigma: ":signature").
    url.append(unsigned.indexOf('?') < 0 ? '?' : '&').append(signatureParameter).append('=');
    appendEncoded(url, format.encode(mac(secret, signedText(origin, texts, unsigned))));
    char joiner = '#';
    for (Entry entry : entries(texts, true)) {
      url.append(joiner);
      appendEncoded(url, entry.name());
      url.append('=');
      appendEncoded(url, entry.text());
      joiner = '&';
    }
    return url.toString();
  }

  /** The MAC of {@code text}, keyed with {@code secret}. */
  public byte[] mac(Secret secret, String text) {
    return secret.mac(algorithm, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The lines that the layout signs, each named, in the order signed, before the frame goes around
   * them: the one URL as written, or the request's URL (or host and path) and then the signed
   * values. A verifier reports them, so that a refused URL can be compared line by line.
   */
  public List<SignedTextReport.Line> signedLines(Origin origin, UrlTexts texts, String asWritten) {
    List<SignedTextReport.Line> lines = new ArrayList<>();
    if (layout == Layout.URL_AS_WRITTEN) {
      lines.add(new SignedTextReport.Line("URL as written", asWritten));
      return lines;
    }
    String serialized = origin.toString();
    if (layout == Layout.HOST_THEN_PATH_THEN_VALUES) {
      // A serialized Origin is "https://" followed by the host and any port.
      lines.add(new SignedTextReport.Line("host", serialized.substring("https://".length())));
      lines.add(new SignedTextReport.Line("path", path(texts)));
    } else {
      lines.add(new SignedTextReport.Line("request URL", serialized + path(texts)));
    }
    for (Entry entry : entries(texts, false)) {
      if (entry.signed()) {
        lines.add(new SignedTextReport.Line(entry.name(), entry.text()));
      }
    }
    return lines;
  }

  /**
   * The signed text of a request at {@code origin}: {@code asWritten}, the URL up to its signature,
   * is what {@link Layout#URL_AS_WRITTEN} signs; the other layouts rebuild it from the texts.
   */
  public String signedText(Origin origin, UrlTexts texts, String asWritten) {
    StringJoiner inner = new StringJoiner(separator);
    for (SignedTextReport.Line line : signedLines(origin, texts, asWritten)) {
      inner.add(line.text());
    }
    StringBuilder text = new StringBuilder();
    for (Object part : frame) {
      if (part instanceof String literal) {
        text.append(literal);
      } else if (part == layout) {
        text.append(inner.toString());
      } else {
        text.append(texts.values()[(Integer) part]);
      }
    }
    return text.toString();
  }

  /** The signed text of a request, as its canonical text. */
  public String canonicalText(Origin origin, UrlTexts texts) {
    return signedText(
        origin, texts, layout == Layout.URL_AS_WRITTEN ? unsignedUrl(origin, texts) : null);
  }

  void appendEncoded(StringBuilder out, String text) {
    if (queryEncoding == QueryEncoding.FORM) {
      FormEncoding.append(out, text);
      return;
    }
    String component = UriComponentEncoding.encode(text);
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      // encodeURIComponent keeps these five; RFC 3986's unreserved set does not hold them.
      if ("!*'()".indexOf(c) >= 0) {
        out.append('%').append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT));
      } else {
        out.append(c);
      }
    }
  }

  /**
   * A request's {@code toString()}: its parameters as they are sent, unsigned ones marked so. A
   * request holds no secret, so none can show here.
   */
  public String describe(String type, UrlTexts texts) {
    StringJoiner parameters = new StringJoiner(", ", type + "{", "}");
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i).inPath() && texts.values()[i] != null) {
        parameters.add(slots.get(i).name() + "=" + texts.values()[i]);
      }
    }
    for (boolean fragment : new boolean[] {false, true}) {
      for (Entry entry : entries(texts, fragment)) {
        parameters.add(entry.name() + "=" + entry.text() + (entry.signed() ? "" : " (unsigned)"));
      }
    }
    return parameters.toString();
  }

  /** Refuses a request read from {@code received} unless it writes each text as received. */
  public void requireWrittenAs(UrlTexts written, UrlTexts received) {
    for (int i = 0; i < slots.size(); i++) {
      if (!Objects.equals(written.values()[i], received.values()[i])) {
        ReceivedValues.requireWrittenAs(
            slots.get(i).name(), written.values()[i], received.values()[i]);
      }
    }
    for (int s = 0; s < spreadSlots.length; s++) {
      Map<String, String> writtenSpread = written.spreads().get(s);
      for (Map.Entry<String, String> entry : received.spreads().get(s).entrySet()) {
        String name = slots.get(spreadSlots[s]).name() + entry.getKey();
        ReceivedValues.requireWrittenAs(name, writtenSpread.get(entry.getKey()), entry.getValue());
      }
    }
  }

  /** A value outside {@code [min, max]} is refused, naming the parameter and the range. */
  public static long range(String parameter, long value, long min, long max) {
    if (value < min || value > max) {
      throw new InvalidParameterException(
          parameter,
          "must be "
              + (min == Long.MIN_VALUE
                  ? "at most " + max
                  : max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max)
              + ", not "
              + value);
    }
    return value;
  }
}
