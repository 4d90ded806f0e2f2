package dev.signet.processor.signedurl;

import dev.signet.processor.model.JsonShape;
import dev.signet.processor.model.Property;
import dev.signet.processor.model.TextForm;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the ways a {@code SignedLines.VALUES} scheme lets whoever holds a signed URL change what it
 * means while its signature still holds, each with a concrete rewrite.
 */
final class AmbiguityCheck {
  private AmbiguityCheck() {}

  /** The findings for a scheme, each a sentence that names a rewrite; empty when there are none. */
  static List<String> findings(
      List<Property<TextForm>> signedOrder, boolean javascriptTrimLines, String separator) {
    List<String> findings = new ArrayList<>();
    movableValues(signedOrder).ifPresent(findings::add);
    if (javascriptTrimLines) {
      signedOrder.stream()
          .filter(p -> p.form() instanceof TextForm.Plain && !p.required())
          .findFirst()
          .ifPresent(
              p ->
                  findings.add(
                      "values that differ only in leading whitespace sign the same, since the"
                          + " normalization drops it: "
                          + p.wireName()
                          + "=Bob and "
                          + p.wireName()
                          + "=%20Bob carry the same signature, and an optional"
                          + " value made of whitespace signs as if it were absent (a required value"
                          + " that starts with whitespace, or is only whitespace, is refused"
                          + " when a request is built or verified)"));
    }
    if (!separator.equals("\n") && !separator.equals("\r\n")) {
      signedOrder.stream()
          .filter(
              p ->
                  p.form() instanceof TextForm.Nonce nonce
                      ? SignedUrlReader.canHold(nonce.shape().alphabet(), separator)
                      : Domain.of(p).canContain(separator))
          .findFirst()
          .ifPresent(
              p ->
                  findings.add(
                      "values of "
                          + p.wireName()
                          + " can contain the separator \""
                          + separator
                          + "\", which would read as the boundary between two values; Signet"
                          + " refuses such values when it builds a request"));
    }
    return findings;
  }

  /**
   * Two optional parameters with nothing always-present between them in the signed order, whose
   * texts can be the same: the value of the first can move to the second.
   */
  private static Optional<String> movableValues(List<Property<TextForm>> signedOrder) {
    String first = null;
    int pairs = 0;
    for (int i = 0; i < signedOrder.size(); i++) {
      Property<TextForm> from = signedOrder.get(i);
      if (from.required()) {
        continue;
      }
      for (int j = i + 1; j < signedOrder.size() && !signedOrder.get(j).required(); j++) {
        Property<TextForm> to = signedOrder.get(j);
        Optional<String> shared = Domain.of(from).commonText(Domain.of(to));
        if (shared.isPresent()) {
          pairs++;
          if (first == null) {
            first =
                from.wireName()
                    + "="
                    + shared.get()
                    + " can be rewritten as "
                    + to.wireName()
                    + "="
                    + shared.get();
          }
        }
      }
    }
    if (first == null) {
      return Optional.empty();
    }
    return Optional.of(
        "optional values are signed without their names, so a value can move to another"
            + " optional parameter that signs into the same line: in a URL where the parameters"
            + " between them are absent, "
            + first
            + (pairs == 2
                ? " (1 more such pair)"
                : pairs > 2 ? " (" + (pairs - 1) + " more such pairs)" : "")
            + " and the signature still holds");
  }

  /** The texts a parameter's value can be signed as, as far as this check needs to know them. */
  private record Domain(Kind kind, Set<String> values) {
    enum Kind {
      ANY,
      FINITE,
      NUMBER,
      JSON_OBJECT,
      JSON_ARRAY,
      JSON_STRING
    }

    static Domain of(Property<TextForm> parameter) {
      TextForm form = parameter.form();
      if (form.isOwnText()) {
        return new Domain(Kind.ANY, Set.of());
      }
      if (form instanceof TextForm.EnumConstant constant) {
        return new Domain(Kind.FINITE, new LinkedHashSet<>(constant.shape().wireValues().values()));
      }
      if (form instanceof TextForm.Scalar) {
        String type = parameter.type().toString();
        return type.equals("boolean") || type.equals("java.lang.Boolean")
            ? new Domain(Kind.FINITE, new LinkedHashSet<>(List.of("true", "false")))
            : new Domain(Kind.NUMBER, Set.of());
      }
      return ofJson(((TextForm.Json) form).shape());
    }

    private static Domain ofJson(JsonShape shape) {
      if (shape instanceof JsonShape.MapOf || shape instanceof JsonShape.RecordValue) {
        return new Domain(Kind.JSON_OBJECT, Set.of());
      }
      if (shape instanceof JsonShape.ListOf) {
        return new Domain(Kind.JSON_ARRAY, Set.of());
      }
      if (shape instanceof JsonShape.Scalar scalar) {
        switch (scalar.kind()) {
          case STRING:
            return new Domain(Kind.JSON_STRING, Set.of());
          case BOOLEAN:
            return new Domain(Kind.FINITE, new LinkedHashSet<>(List.of("true", "false")));
          default:
            return new Domain(Kind.NUMBER, Set.of());
        }
      }
      if (shape instanceof JsonShape.EnumValue enumValue) {
        return new Domain(Kind.JSON_STRING, Set.of());
      }
      // A type that writes itself could write anything.
      return new Domain(Kind.ANY, Set.of());
    }

    /** A text both domains hold, when there is one. */
    Optional<String> commonText(Domain other) {
      if (kind == Kind.ANY) {
        return Optional.of(other.sample());
      }
      if (other.kind == Kind.ANY) {
        return Optional.of(sample());
      }
      if (kind == Kind.FINITE) {
        return values.stream().filter(other::holds).findFirst();
      }
      if (other.kind == Kind.FINITE) {
        return other.values.stream().filter(this::holds).findFirst();
      }
      return kind == other.kind ? Optional.of(sample()) : Optional.empty();
    }

    private boolean holds(String text) {
      switch (kind) {
        case ANY:
          return true;
        case FINITE:
          return values.contains(text);
        case NUMBER:
          return text.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
        case JSON_OBJECT:
          return text.startsWith("{");
        case JSON_ARRAY:
          return text.startsWith("[");
        default:
          return text.startsWith("\"");
      }
    }

    private String sample() {
      switch (kind) {
        case ANY:
          return "Acme";
        case FINITE:
          return values.iterator().next();
        case NUMBER:
          return "7";
        case JSON_OBJECT:
          return "{}";
        case JSON_ARRAY:
          return "[]";
        default:
          return "\"Acme\"";
      }
    }

    /** Whether some value of this domain can contain {@code separator}. */
    boolean canContain(String separator) {
      switch (kind) {
        case ANY:
          return true;
        case FINITE:
          return values.stream().anyMatch(value -> value.contains(separator));
        case NUMBER:
          return separator.chars().allMatch(c -> "0123456789.-+eE".indexOf(c) >= 0);
        default:
          return true;
      }
    }
  }
}
