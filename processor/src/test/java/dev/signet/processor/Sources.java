package dev.signet.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/** Builds declaration sources for the tests and compiles them with the processor. */
public final class Sources {
  /** The package of the declarations that {@link #declaration} writes. */
  public static final String PACKAGE = "test";

  private static final List<String> HEADER =
      List.of(
          "package " + PACKAGE + ";",
          "",
          "import dev.signet.annotations.AcceptedAmbiguity;",
          "import dev.signet.annotations.Encoding;",
          "import dev.signet.annotations.Nonce;",
          "import dev.signet.annotations.Normalization;",
          "import dev.signet.annotations.Order;",
          "import dev.signet.annotations.Param;",
          "import dev.signet.annotations.SignedLines;",
          "import dev.signet.annotations.SignedUrl;",
          "import dev.signet.annotations.WireValue;",
          "import java.math.BigDecimal;",
          "import java.util.List;",
          "import java.util.Map;",
          "import java.util.Optional;",
          "import java.util.OptionalDouble;",
          "import java.util.OptionalInt;",
          "import java.util.OptionalLong;",
          "");

  private Sources() {}

  /**
   * The source of the top-level type {@code simpleName} in package {@value #PACKAGE}: the imports
   * that declarations use, then {@code lines}.
   */
  public static JavaFileObject declaration(String simpleName, String... lines) {
    List<String> all = new ArrayList<>(HEADER);
    all.addAll(Arrays.asList(lines));
    return JavaFileObjects.forSourceLines(PACKAGE + "." + simpleName, all);
  }

  /** Compiles {@code sources} with the Signet processor, the test class path visible. */
  public static Compilation compile(JavaFileObject... sources) {
    return javac().compile(sources);
  }

  public static Compiler javac() {
    return Compiler.javac().withProcessors(new SignetProcessor());
  }
}
