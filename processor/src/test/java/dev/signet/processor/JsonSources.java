package dev.signet.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/** Sources of {@code @JsonRequest} and {@code @NotebookParams} declarations for the tests. */
final class JsonSources {
  static final String PACKAGE = "test";

  private static final List<String> HEADER =
      List.of(
          "package " + PACKAGE + ";",
          "",
          "import com.fasterxml.jackson.annotation.JsonIgnore;",
          "import com.fasterxml.jackson.annotation.JsonInclude;",
          "import com.fasterxml.jackson.annotation.JsonProperty;",
          "import dev.signet.annotations.Datatype;",
          "import dev.signet.annotations.Header;",
          "import dev.signet.annotations.JsonRequest;",
          "import dev.signet.annotations.Nonce;",
          "import dev.signet.annotations.NotebookParam;",
          "import dev.signet.annotations.NotebookParams;",
          "import dev.signet.annotations.Param;",
          "import dev.signet.annotations.Redacted;",
          "import dev.signet.annotations.SignedUrl;",
          "import dev.signet.annotations.UrlEncodedJson;",
          "import dev.signet.runtime.DateRange;",
          "import dev.signet.runtime.ParamValue;",
          "import java.time.Instant;",
          "import java.time.LocalDate;",
          "import java.util.List;",
          "import java.util.Map;",
          "import java.util.Optional;",
          "import java.util.OptionalInt;",
          "");

  private JsonSources() {}

  /** The top-level type {@code simpleName} in package {@value #PACKAGE}, with the imports above. */
  static JavaFileObject declaration(String simpleName, String... lines) {
    List<String> all = new ArrayList<>(HEADER);
    all.addAll(Arrays.asList(lines));
    return JavaFileObjects.forSourceLines(PACKAGE + "." + simpleName, all);
  }
}
