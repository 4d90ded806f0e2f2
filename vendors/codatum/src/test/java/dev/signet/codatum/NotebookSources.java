package dev.signet.codatum;

import dev.signet.processor.JsonSources;
import java.util.List;
import javax.tools.JavaFileObject;

/** Sources of {@code @NotebookParams} records for the tests, Codatum's types imported. */
final class NotebookSources {
  private static final List<String> IMPORTS =
      List.of(
          "import dev.signet.codatum.DateRange;",
          "import dev.signet.codatum.Datatype;",
          "import dev.signet.codatum.NotebookParam;",
          "import dev.signet.codatum.NotebookParams;",
          "import dev.signet.codatum.ParamValue;");

  private NotebookSources() {}

  /** The top-level type {@code simpleName} in package {@code test}. */
  static JavaFileObject declaration(String simpleName, String... lines) {
    return JsonSources.declaration(IMPORTS, simpleName, lines);
  }
}
