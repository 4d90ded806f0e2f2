package dev.signet.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The signed text of one request and, when asked for, its URL, written together as the parameters
 * are added: the text as UTF-8 bytes ready for the MAC, the URL's query as {@code
 * application/x-www-form-urlencoded} exactly as {@link FormEncoding} writes it. Generated classes
 * make one per signature; it is not shared between threads.
 *
 * <p>The first line is the request URL, origin followed by path; each value given then starts a
 * line after the separator. With {@link Normalization#JAVASCRIPT_TRIM_LINES} the text comes out as
 * JavaScript's {@code text.trim().replace(/\n\s+/g, "\n")} would make it, without a second pass.
 */
public final class SignedText {
  /** What the vendor does to the joined text before computing its MAC. */
  public enum Normalization {
    /** The text is signed as joined. */
    NONE,
    /**
     * As JavaScript's {@code text.trim().replace(/\n\s+/g, "\n")}: whitespace as JavaScript's
     * {@code \s} defines it ({@link TextNormalization#isJavascriptWhitespace}) is trimmed from both
     * ends, and a line feed followed by whitespace becomes a single line feed.
     */
    JAVASCRIPT_TRIM_LINES
  }

  private final String separator;

  /** The separator's one ASCII character, or -1 when it is longer or not ASCII. */
  private final int separatorByte;

  private final boolean trimLines;
  private byte[] text = new byte[256];
  private int textLength;

  /** Whether whitespace is being dropped: at the start, and after a line feed, when trimming. */
  private boolean atLineStart;

  /** The URL, or null when only the text is wanted. */
  private byte[] url;

  private int urlLength;

  private SignedText(
      Origin origin, String path, String separator, Normalization normalization, boolean withUrl) {
    String serializedOrigin = Objects.requireNonNull(origin, "origin").toString();
    this.separator = separator;
    this.separatorByte =
        separator.length() == 1 && separator.charAt(0) < 0x80 ? separator.charAt(0) : -1;
    this.trimLines = normalization == Normalization.JAVASCRIPT_TRIM_LINES;
    // A serialized Origin is ASCII and starts the text with "https://": nothing to trim.
    textLength = writeAscii(serializedOrigin, text, 0);
    writeText(path);
    if (withUrl) {
      // Room for a typical URL: each value reserves what its worst-case encoding needs, so a
      // longer one grows the buffer; a bigger first one would cost every signature its zeroing.
      url = new byte[512];
      urlLength = writeAscii(serializedOrigin, url, 0);
      urlLength = writeAscii(path, url, urlLength);
      url[urlLength++] = '?';
    }
  }

  /**
   * A request's texts in signed order, null where a parameter is absent, as a generated request
   * holds them; and whether {@link Lines} writes them in bulk, which only it says.
   */
  public static final class Values {
    private final String[] texts;
    private final boolean plain;

    private Values(String[] texts, boolean plain) {
      this.texts = texts;
      this.plain = plain;
    }

    /** {@code texts} (a copy), to be written a character at a time whatever they hold. */
    public static Values of(String... texts) {
      return new Values(texts.clone(), false);
    }

    /** Whether {@link Lines} writes these texts in bulk. */
    public boolean isPlain() {
      return plain;
    }

    /** How many texts there are, present or absent. */
    public int size() {
      return texts.length;
    }

    /** The text at {@code index} in signed order, or null where that parameter is absent. */
    public String get(int index) {
      return texts[index];
    }

    /** Whether {@code other} holds the same texts in the same places. */
    @Override
    public boolean equals(Object other) {
      return other instanceof Values && Arrays.equals(texts, ((Values) other).texts);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(texts);
    }
  }

  /**
   * The lines of one request type: its path, separator, normalization and parameter names, made
   * once and shared by every request of the type. It writes a request's {@link Values} as {@link
   * #withUrl} or {@link #textOnly} and {@link #value} (or {@link #nameAndValue} where names are
   * signed) would, byte for byte.
   *
   * <p>Most requests' values are ASCII with nothing the normalization changes inside them, which
   * {@link #values} finds as it checks them. Those it writes in bulk into the thread's buffer: each
   * value copied into the text at once, and the URL written from the text's bytes, copied where
   * form encoding keeps them, escaped from a table from the first byte it does not. Any other
   * request is written by a {@link SignedText}, a character at a time.
   */
  public static final class Lines {
    /** {@link #CHARACTER_CLASS}: a character that form encoding changes. */
    private static final int ESCAPED = 1;

    /** {@link #CHARACTER_CLASS}: outside ASCII, or a line break, which a line cannot hold. */
    private static final int NOT_PLAIN = 2;

    /** Per ASCII character its class; the last entry stands for every character outside ASCII. */
    private static final byte[] CHARACTER_CLASS = new byte[129];

    /** Each thread's buffer for the text and the URL it writes. */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[1024]);

    /** The largest buffer a thread keeps. */
    private static final int KEPT_BUFFER = 16 * 1024;

    static {
      for (int c = 0; c < 128; c++) {
        CHARACTER_CLASS[c] =
            (byte)
                ((FormEncoding.keeps(c) ? 0 : ESCAPED) | (c == '\n' || c == '\r' ? NOT_PLAIN : 0));
      }
      CHARACTER_CLASS[128] = ESCAPED | NOT_PLAIN;
    }

    private final String path;
    private final String separator;
    private final Normalization normalization;
    private final boolean signNames;
    private final String[] encodedNames;

    /** The separator's one byte, or -1 when values are never written in bulk. */
    private final int separatorByte;

    /**
     * @param path the request's path, after the origin on the first line and in the URL
     * @param separator what joins the lines
     * @param normalization what the vendor does to the joined text
     * @param signNames whether each line is {@code name=value}, both form-encoded, rather than the
     *     value alone
     * @param encodedNames each parameter's name, form-encoded and followed by {@code =}, in signed
     *     order
     */
    public Lines(
        String path,
        String separator,
        Normalization normalization,
        boolean signNames,
        List<String> encodedNames) {
      this.path = path;
      this.separator = separator;
      this.normalization = normalization;
      this.signNames = signNames;
      this.encodedNames = encodedNames.toArray(new String[0]);
      boolean trims = normalization == Normalization.JAVASCRIPT_TRIM_LINES;
      // In bulk only where lines hold values alone, the separator is one ASCII character that the
      // normalization keeps as it is or a line feed (after which no plain value starts with
      // whitespace), and the path is printable ASCII: the text is then the request URL and the
      // values, byte for byte.
      boolean bulk =
          !signNames
              && separator.length() == 1
              && separator.charAt(0) < 0x80
              && (!trims
                  || separator.charAt(0) == '\n'
                  || !TextNormalization.isJavascriptWhitespace(separator.charAt(0)))
              && path.chars().allMatch(c -> c > ' ' && c < 0x7f);
      this.separatorByte = bulk ? separator.charAt(0) : -1;
    }

    /**
     * {@code texts}, in signed order (null where a parameter is absent), told plain when every text
     * is ASCII without a line break and, where the normalization trims line starts, not empty and
     * not starting with whitespace. The array is kept as it is, and must not change.
     */
    public Values values(String[] texts) {
      if (separatorByte < 0) {
        return new Values(texts, false);
      }
      for (String text : texts) {
        if (text == null) {
          continue;
        }
        int classes = 0;
        for (int i = 0; i < text.length(); i++) {
          classes |= CHARACTER_CLASS[Math.min(text.charAt(i), 128)];
        }
        if ((classes & NOT_PLAIN) != 0) {
          return new Values(texts, false);
        }
      }
      return new Values(texts, linesKeepTheirStarts(texts));
    }

    /**
     * As {@link #values}, for texts that a verifier decoded and found ASCII without a line break or
     * not, as {@code asciiWithoutLineBreaks} says: their characters are not looked at again.
     */
    public Values received(String[] texts, boolean asciiWithoutLineBreaks) {
      return new Values(
          texts, separatorByte >= 0 && asciiWithoutLineBreaks && linesKeepTheirStarts(texts));
    }

    /**
     * Whether the normalization leaves each text's line as it is: where it trims line starts, a
     * text must not be empty or start with whitespace.
     */
    private boolean linesKeepTheirStarts(String[] texts) {
      if (separatorByte != '\n' || normalization != Normalization.JAVASCRIPT_TRIM_LINES) {
        return true;
      }
      for (String text : texts) {
        if (text != null
            && (text.isEmpty() || TextNormalization.isJavascriptWhitespace(text.charAt(0)))) {
          return false;
        }
      }
      return true;
    }

    /** The text, and the URL too when asked for, of a request at {@code origin}. */
    public SignedText signedText(Origin origin, Values values, boolean withUrl) {
      SignedText text =
          withUrl
              ? withUrl(origin, path, separator, normalization)
              : textOnly(origin, path, separator, normalization);
      for (int i = 0; i < values.texts.length; i++) {
        String value = values.texts[i];
        if (value != null) {
          if (signNames) {
            text.nameAndValue(encodedNames[i], value);
          } else {
            text.value(encodedNames[i], value);
          }
        }
      }
      return text;
    }

    /**
     * The URL of a request at {@code origin}, its query form-encoded, with the signature of its
     * text keyed with {@code secret} as its last parameter.
     */
    public String signedUrl(
        Origin origin,
        Values values,
        Secret secret,
        MacAlgorithm algorithm,
        SignatureFormat format,
        String encodedSignatureName) {
      if (!values.plain) {
        return signedText(origin, values, true)
            .signedUrl(secret, algorithm, format, encodedSignatureName);
      }
      String[] texts = values.texts;
      String serializedOrigin = Objects.requireNonNull(origin, "origin").toString();
      int requestUrl = serializedOrigin.length() + path.length();
      int textLength = requestUrl;
      // Each value at most three bytes a character, its name before it and '&' after it.
      int urlCapacity =
          requestUrl + 1 + encodedSignatureName.length() + format.maxFormEncodedLength(algorithm);
      for (int i = 0; i < texts.length; i++) {
        if (texts[i] != null) {
          textLength += 1 + texts[i].length();
          urlCapacity += encodedNames[i].length() + 3 * texts[i].length() + 1;
        }
      }
      // The text first, then the URL, in this thread's buffer.
      byte[] buffer = buffer(textLength + urlCapacity);
      writePlainText(serializedOrigin, texts, buffer);
      byte[] mac = secret.mac(algorithm, buffer, signedLength(buffer, textLength));
      int at = textLength;
      System.arraycopy(buffer, 0, buffer, at, requestUrl);
      at += requestUrl;
      buffer[at++] = '?';
      // Where the value starts in the text, after its separator.
      int from = requestUrl + 1;
      for (int i = 0; i < texts.length; i++) {
        if (texts[i] == null) {
          continue;
        }
        at = writeAscii(encodedNames[i], buffer, at);
        int end = from + texts[i].length();
        int kept = from;
        while (kept < end && CHARACTER_CLASS[buffer[kept]] == 0) {
          kept++;
        }
        System.arraycopy(buffer, from, buffer, at, kept - from);
        at += kept - from;
        // Past the first escape, a byte that form encoding keeps is still copied alone.
        for (int b = kept; b < end; b++) {
          byte c = buffer[b];
          if (CHARACTER_CLASS[c] == 0) {
            buffer[at++] = c;
          } else {
            at = FormEncoding.encodeByte(c, buffer, at);
          }
        }
        buffer[at++] = '&';
        from = end + 1;
      }
      at = writeAscii(encodedSignatureName, buffer, at);
      at = format.writeFormEncoded(mac, buffer, at);
      return new String(buffer, textLength, at - textLength, StandardCharsets.ISO_8859_1);
    }

    /** The MAC, keyed with {@code secret}, of the text of a request at {@code origin}. */
    public byte[] mac(Origin origin, Values values, Secret secret, MacAlgorithm algorithm) {
      if (!values.plain) {
        return signedText(origin, values, false).mac(secret, algorithm);
      }
      String serializedOrigin = Objects.requireNonNull(origin, "origin").toString();
      int textLength = serializedOrigin.length() + path.length();
      for (String text : values.texts) {
        if (text != null) {
          textLength += 1 + text.length();
        }
      }
      byte[] buffer = buffer(textLength);
      writePlainText(serializedOrigin, values.texts, buffer);
      return secret.mac(algorithm, buffer, signedLength(buffer, textLength));
    }

    /**
     * This thread's buffer, with room for {@code length} bytes: signing needs no new array but the
     * URL's string. One that a large request needs is not kept.
     */
    private static byte[] buffer(int length) {
      byte[] buffer = BUFFER.get();
      if (buffer.length >= length) {
        return buffer;
      }
      buffer = new byte[Math.max(length, 2 * buffer.length)];
      if (buffer.length <= KEPT_BUFFER) {
        BUFFER.set(buffer);
      }
      return buffer;
    }

    /** Writes the text of plain values into {@code buffer} from its start. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exact for ASCII
    private void writePlainText(String serializedOrigin, String[] texts, byte[] buffer) {
      int at = writeAscii(serializedOrigin, buffer, 0);
      at = writeAscii(path, buffer, at);
      for (String text : texts) {
        if (text != null) {
          buffer[at++] = (byte) separatorByte;
          text.getBytes(0, text.length(), buffer, at);
          at += text.length();
        }
      }
    }

    /**
     * How much of the text, {@code length} bytes, is signed: all, or without trailing whitespace.
     */
    private int signedLength(byte[] text, int length) {
      int end = length;
      if (normalization == Normalization.JAVASCRIPT_TRIM_LINES) {
        // The text is ASCII here, whose whitespace is space and tab to carriage return.
        while (end > 0
            && (text[end - 1] == ' ' || (text[end - 1] >= '\t' && text[end - 1] <= '\r'))) {
          end--;
        }
      }
      return end;
    }
  }

  /** The text alone, for {@link #text()}. */
  public static SignedText textOnly(
      Origin origin, String path, String separator, Normalization normalization) {
    return new SignedText(origin, path, separator, normalization, false);
  }

  /** The text and the URL, for {@link #signedUrl}. */
  public static SignedText withUrl(
      Origin origin, String path, String separator, Normalization normalization) {
    return new SignedText(origin, path, separator, normalization, true);
  }

  /**
   * Adds a parameter whose value is signed as it is: a line holding {@code value}, and {@code
   * value} encoded after {@code encodedName} in the URL.
   *
   * @param encodedName the parameter's name, form-encoded, followed by {@code =}
   */
  public SignedText value(String encodedName, String value) {
    writeSeparator();
    if (url == null) {
      writeText(value);
    } else {
      writeTextAndUrlParameter(encodedName, value);
    }
    return this;
  }

  /**
   * Adds a parameter whose name is signed with its value: a line holding {@code name=value}, both
   * form-encoded as in the URL.
   *
   * @param encodedName the parameter's name, form-encoded, followed by {@code =}
   */
  public SignedText nameAndValue(String encodedName, String value) {
    writeText(separator);
    int start = textLength;
    ensureText(encodedName.length() + value.length() * FormEncoding.MAX_BYTES_PER_CHAR);
    textLength = writeAscii(encodedName, text, textLength);
    textLength = FormEncoding.encode(value, text, textLength);
    // Form encoding leaves no whitespace, so the whole line is kept as it is.
    atLineStart = false;
    if (url != null) {
      int line = textLength - start;
      ensureUrl(line + 1);
      System.arraycopy(text, start, url, urlLength, line);
      urlLength += line;
      url[urlLength++] = '&';
    }
    return this;
  }

  /** The signed text. */
  public String text() {
    return new String(text, 0, signedLength(), StandardCharsets.UTF_8);
  }

  /**
   * The URL with the signature of the text, keyed with {@code secret}, as its last parameter.
   *
   * @param encodedSignatureName the signature parameter's name, form-encoded, followed by {@code =}
   */
  public String signedUrl(
      Secret secret, MacAlgorithm algorithm, SignatureFormat format, String encodedSignatureName) {
    if (url == null) {
      throw new IllegalStateException("this signed text was made without its URL");
    }
    byte[] signature = format.formEncoded(mac(secret, algorithm));
    ensureUrl(encodedSignatureName.length() + signature.length);
    urlLength = writeAscii(encodedSignatureName, url, urlLength);
    System.arraycopy(signature, 0, url, urlLength, signature.length);
    urlLength += signature.length;
    return new String(url, 0, urlLength, StandardCharsets.ISO_8859_1);
  }

  /** The MAC of the text, keyed with {@code secret}. */
  public byte[] mac(Secret secret, MacAlgorithm algorithm) {
    return secret.mac(algorithm, text, signedLength());
  }

  private int signedLength() {
    return trimLines ? withoutTrailingWhitespace() : textLength;
  }

  /** Where the text ends once the whitespace at its end is trimmed, reading UTF-8 backwards. */
  private int withoutTrailingWhitespace() {
    int end = textLength;
    while (end > 0) {
      int last = text[end - 1] & 0xFF;
      int start = end - 1;
      int character = last;
      if (last >= 0x80) {
        while (start > 0 && (text[start] & 0xC0) == 0x80) {
          start--;
        }
        int lead = text[start] & 0xFF;
        if (end - start == 2) {
          character = (lead & 0x1F) << 6 | last & 0x3F;
        } else if (end - start == 3) {
          character = (lead & 0x0F) << 12 | (text[start + 1] & 0x3F) << 6 | last & 0x3F;
        } else {
          // Four bytes: beyond U+FFFF, where JavaScript has no whitespace.
          return end;
        }
      }
      if (!TextNormalization.isJavascriptWhitespace((char) character)) {
        return end;
      }
      end = start;
    }
    return end;
  }

  // ---- the text

  /**
   * Writes {@code part} as UTF-8, an unpaired surrogate as U+FFFD, dropping the whitespace at the
   * start of each line when trimming (the whitespace at the end goes when the text is read). Runs
   * of ASCII, most of any text, are copied in a loop of their own.
   */
  private void writeText(String part) {
    int length = part.length();
    // UTF-8 takes at most three bytes for one UTF-16 unit, four for a pair of them.
    ensureText(length * 3);
    byte[] out = text;
    int at = textLength;
    int i = 0;
    while (i < length) {
      if (atLineStart) {
        while (i < length && TextNormalization.isJavascriptWhitespace(part.charAt(i))) {
          i++;
        }
        if (i == length) {
          break;
        }
        atLineStart = false;
      }
      for (; i < length; i++) {
        char c = part.charAt(i);
        if (c >= 0x80 || (c == '\n' && trimLines)) {
          break;
        }
        out[at++] = (byte) c;
      }
      if (i == length) {
        break;
      }
      if (part.charAt(i) == '\n') {
        out[at++] = '\n';
        atLineStart = true;
        i++;
      } else {
        at = Utf8.write(part, i, out, at);
        i += Utf8.isPairAt(part, i) ? 2 : 1;
      }
    }
    textLength = at;
  }

  /** Writes the separator, as {@link #writeText} would, at once when it is one ASCII character. */
  private void writeSeparator() {
    if (separatorByte < 0) {
      writeText(separator);
    } else if (!(atLineStart && TextNormalization.isJavascriptWhitespace((char) separatorByte))) {
      ensureText(1);
      text[textLength++] = (byte) separatorByte;
      atLineStart = trimLines && separatorByte == '\n';
    }
  }

  private void ensureText(int more) {
    if (textLength + more > text.length) {
      text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + more));
    }
  }

  // ---- the URL

  /** Writes {@code part}, which is ASCII, at {@code at}; returns where it ends. */
  @SuppressWarnings(
      "deprecation") // String.getBytes(int, int, byte[], int): a bulk copy, exact for ASCII
  private static int writeAscii(String part, byte[] out, int at) {
    part.getBytes(0, part.length(), out, at);
    return at + part.length();
  }

  /**
   * Writes {@code value} to the text, as {@link #writeText} does, and encoded after {@code
   * encodedName} to the URL, in one pass over its characters: values are short, so one loop that
   * does both costs less than two that each set up bulk copies.
   */
  private void writeTextAndUrlParameter(String encodedName, String value) {
    int length = value.length();
    ensureText(length * Utf8.MAX_BYTES);
    ensureUrl(encodedName.length() + length * FormEncoding.MAX_BYTES_PER_CHAR + 1);
    byte[] textOut = text;
    byte[] urlOut = url;
    int textAt = textLength;
    int urlAt = writeAscii(encodedName, urlOut, urlLength);
    boolean lineStart = atLineStart;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      boolean dropped = lineStart && TextNormalization.isJavascriptWhitespace(c);
      if (c < 0x80) {
        urlAt = FormEncoding.encodeByte(c, urlOut, urlAt);
        if (!dropped) {
          textOut[textAt++] = (byte) c;
        }
      } else {
        // Written to the text first, where it is kept only if not dropped, and escaped from there.
        int end = Utf8.write(value, i, textOut, textAt);
        for (int b = textAt; b < end; b++) {
          urlAt = FormEncoding.encodeByte(textOut[b] & 0xFF, urlOut, urlAt);
        }
        if (!dropped) {
          textAt = end;
        }
        i += Utf8.isPairAt(value, i) ? 1 : 0;
      }
      lineStart = dropped || (c == '\n' && trimLines);
    }
    urlOut[urlAt++] = '&';
    textLength = textAt;
    urlLength = urlAt;
    atLineStart = lineStart;
  }

  private void ensureUrl(int more) {
    if (urlLength + more > url.length) {
      url = Arrays.copyOf(url, Math.max(url.length * 2, urlLength + more));
    }
  }
}
