package dev.signet.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/** Sources of {@code @JsonRequest} declarations for the tests, with the imports they use. */
public final class JsonSources {
  static final String PACKAGE = "test";

  private static final List<String> HEADER =
      List.of(
          "package " + PACKAGE + ";",
          "",
          "import com.fasterxml.jackson.annotation.JsonIgnore;",
          "import com.fasterxml.jackson.annotation.JsonInclude;",
          "import com.fasterxml.jackson.annotation.JsonProperty;",
          "import dev.signet.annotations.Header;",
          "import dev.signet.annotations.JsonRequest;",
          "import dev.signet.annotations.Nonce;",
          "import dev.signet.annotations.Param;",
          "import dev.signet.annotations.Redacted;",
          "import dev.signet.annotations.SignedUrl;",
          "import dev.signet.annotations.UrlEncodedJson;",
          "import java.time.Instant;",
          "import java.time.LocalDate;",
          "import java.util.List;",
          "import java.util.Map;",
          "import java.util.Optional;",
          "import java.util.OptionalInt;",
          "");

  private JsonSources() {}

  /** The top-level type {@code simpleName} in package {@value #PACKAGE}, with the imports above. */
  public static JavaFileObject declaration(String simpleName, String... lines) {
    return declaration(List.of(), simpleName, lines);
  }

  /** The same, with {@code imports} (whole lines) after the imports above: a vendor's types. */
  public static JavaFileObject declaration(
      List<String> imports, String simpleName, String... lines) {
    List<String> all = new ArrayList<>(HEADER.subList(0, HEADER.size() - 1));
    all.addAll(imports);
    all.add("");
    all.addAll(Arrays.asList(lines));
    return JavaFileObjects.forSourceLines(PACKAGE + "." + simpleName, all);
  }
}
