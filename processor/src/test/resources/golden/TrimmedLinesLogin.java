package golden;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.annotations.AcceptedAmbiguity;
import dev.signet.annotations.Encoding;
import dev.signet.annotations.Nonce;
import dev.signet.annotations.Normalization;
import dev.signet.annotations.Order;
import dev.signet.annotations.Param;
import dev.signet.annotations.SignedUrl;
import dev.signet.annotations.WireValue;
import dev.signet.runtime.Json;
import dev.signet.runtime.JsonWritable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A vendor-style embed login: positioned parameters and a nonce, then every other kind
 * of parameter signed by name, the text trimmed as JavaScript does.
 */
@SignedUrl(
    path = "/embed/login",
    order = Order.BY_NAME,
    normalization = Normalization.JAVASCRIPT_TRIM_LINES)
@AcceptedAmbiguity(reason = "The vendor's SDK signs values alone; the scheme is the vendor's.")
public interface TrimmedLinesLogin {

  @Param(position = 1)
  String contentPath();

  @Param(position = 2)
  String externalId();

  @Param(position = 3)
  String name();

  @Param(position = 4)
  @Nonce(length = 32, alphabet = "0-9A-Za-z")
  String nonce();

  /** A required int, renamed on the wire. */
  @Param(name = "max_age")
  int maxAge();

  /** A required long. */
  long sessionLength();

  Optional<Boolean> accessBoost();

  Optional<Integer> retries();

  Optional<String> branch();

  Optional<Map<String, String>> connectionRoles();

  Optional<ContentRole> entityFolderContentRole();

  @Param(encoding = Encoding.PRE_ENCODED)
  Optional<String> filterSearchParam();

  Optional<List<String>> groups();

  Optional<Mode> mode();

  Optional<Theme> theme();

  Optional<UiSettings> uiSettings();

  Optional<Map<String, Attribute>> userAttributes();

  /** An enum written by its constants' names. */
  enum ContentRole {
    MANAGER,
    EDITOR,
    VIEWER,
    NO_ACCESS
  }

  enum Mode {
    APPLICATION,
    SINGLE_CONTENT
  }

  /** An enum with wire values. */
  enum Theme {
    @WireValue("vibes")
    VIBES,
    @WireValue("dawn")
    DAWN
  }

  /** A record with an optional component and a component Jackson renames. */
  record UiSettings(
      boolean showNavigation, Optional<String> title, @JsonProperty("max-rows") int maxRows) {}

  /** A value that writes itself, and reads itself back. */
  final class Attribute implements JsonWritable {
    private final String text;

    public Attribute(String text) {
      this.text = text;
    }

    public static Attribute fromJson(Object json) {
      return new Attribute(String.valueOf(json));
    }

    @Override
    public void writeJson(StringBuilder out) {
      Json.appendString(out, text);
    }
  }
}
