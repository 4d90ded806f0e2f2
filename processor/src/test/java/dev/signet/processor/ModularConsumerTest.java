package dev.signet.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.annotations.SignedUrl;
import dev.signet.runtime.Secret;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A named module that declares a signed URL and uses the class generated from it, compiled with the
 * processor against the module path ({@code dev.signet.runtime}, and {@code dev.signet.annotations}
 * for compile time only), then run in a module layer of its own.
 */
class ModularConsumerTest {
  @TempDir Path temp;

  /** Where a class was loaded from: the module's jar, or its classes directory in the reactor. */
  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The module that {@code location} holds, which must be an explicit module. */
  private static ModuleDescriptor module(Path location) {
    Set<ModuleReference> modules = ModuleFinder.of(location).findAll();
    assertEquals(1, modules.size(), () -> "no module in " + location);
    ModuleDescriptor descriptor = modules.iterator().next().descriptor();
    assertTrue(
        !descriptor.isAutomatic(),
        () -> location + " holds no module-info.class; build it with the reactor (mvn -am)");
    return descriptor;
  }

  @Test
  void annotationsAndRuntimeAreExplicitModules() {
    ModuleDescriptor annotations = module(location(SignedUrl.class));
    ModuleDescriptor runtime = module(location(Secret.class));
    assertEquals("dev.signet.annotations", annotations.name());
    assertEquals("dev.signet.runtime", runtime.name());
    assertEquals(Set.of("dev.signet.annotations"), packages(annotations));
    assertEquals(Set.of("dev.signet.runtime", "dev.signet.runtime.internal"), packages(runtime));
    assertTrue(
        runtime.requires().stream()
            .anyMatch(
                requires ->
                    requires.name().equals("java.net.http")
                        && requires
                            .modifiers()
                            .containsAll(
                                Set.of(
                                    ModuleDescriptor.Requires.Modifier.STATIC,
                                    ModuleDescriptor.Requires.Modifier.TRANSITIVE))),
        runtime::toString);
  }

  private static Set<String> packages(ModuleDescriptor descriptor) {
    return Set.copyOf(descriptor.exports().stream().map(ModuleDescriptor.Exports::source).toList());
  }

  /**
   * Two ways to write the consumer's module: an application's, which opens its package at most, and
   * a library's, which exports it. A module that exports a package holding a declaration requires
   * both Signet modules transitively: its exported API carries the annotations and the runtime's
   * types, and {@code -Xlint:exports} says so otherwise.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "requires dev.signet.runtime;            | requires static dev.signet.annotations;"
            + "            | opens consumer;",
        "requires transitive dev.signet.runtime; | requires static transitive dev.signet.annotations;"
            + " | exports consumer;",
      })
  void aModularConsumerCompilesAndSigns(
      String runtimeDirective, String annotationsDirective, String packageDirective)
      throws Exception {
    Path sources = temp.resolve("src");
    write(
        sources.resolve("module-info.java"),
        "module consumer {",
        "  " + runtimeDirective,
        "  " + annotationsDirective,
        "  " + packageDirective,
        "}");
    write(
        sources.resolve("consumer/Login.java"),
        "package consumer;",
        "",
        "import dev.signet.annotations.Nonce;",
        "import dev.signet.annotations.Param;",
        "import dev.signet.annotations.SignedLines;",
        "import dev.signet.annotations.SignedUrl;",
        "import java.util.Optional;",
        "",
        "/** A login. */",
        "@SignedUrl(path = \"/embed/login\", lines = SignedLines.NAMES_AND_VALUES)",
        "public interface Login {",
        "  /** Who. */",
        "  @Param(position = 1) String user();",
        "  /** Once. */",
        "  @Param(position = 2) @Nonce(length = 32) String nonce();",
        "  /** Which team. */",
        "  Optional<String> team();",
        "}");
    write(
        sources.resolve("consumer/Main.java"),
        "package consumer;",
        "",
        "import dev.signet.runtime.Origin;",
        "import dev.signet.runtime.Secret;",
        "",
        "/** Signs a login and verifies it. */",
        "public final class Main {",
        "  private Main() {}",
        "",
        "  /** A signed URL, and whether the generated verifier accepts it. */",
        "  public static String signAndVerify() {",
        "    Origin origin = Origin.https(\"acme.example.com\");",
        "    Secret secret = Secret.ofUtf8(\"not-a-secret\");",
        "    String url = SignetLogin.builder().user(\"ann\").team(\"red\").build()",
        "        .signedUrl(origin, secret);",
        "    boolean verified = SignetLogin.verifier(origin, secret).verifyUrl(url).isVerified();",
        "    return url + \" \" + verified;",
        "  }",
        "}");

    Path annotations = location(SignedUrl.class);
    Path runtime = location(Secret.class);
    Path classes = Files.createDirectories(temp.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "--module-path",
              runtime + File.pathSeparator + annotations,
              "-d",
              classes.toString(),
              "-Xlint:all",
              "-Xlint:-processing",
              "-Werror");
      JavaCompiler.CompilationTask task =
          javac.getTask(
              out,
              files,
              diagnostics,
              options,
              null,
              files.getJavaFileObjects(
                  sources.resolve("module-info.java"),
                  sources.resolve("consumer/Login.java"),
                  sources.resolve("consumer/Main.java")));
      task.setProcessors(List.of(new SignetProcessor()));
      boolean compiled = task.call();
      assertTrue(compiled, () -> diagnostics.getDiagnostics() + "\n" + out);
    }
    assertTrue(Files.exists(classes.resolve("consumer/SignetLogin.class")));

    // Run it in a layer of its own: the consumer and the runtime, both named modules; the
    // annotations module is not there, as at run time it need not be.
    ModuleLayer boot = ModuleLayer.boot();
    Configuration configuration =
        boot.configuration()
            .resolve(ModuleFinder.of(classes, runtime), ModuleFinder.of(), Set.of("consumer"));
    ModuleLayer layer =
        boot.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    assertTrue(layer.findModule("dev.signet.annotations").isEmpty());
    Class<?> main = layer.findLoader("consumer").loadClass("consumer.Main");
    Class<?> generated = layer.findLoader("consumer").loadClass("consumer.SignetLogin");
    Class<?> secret = layer.findLoader("consumer").loadClass("dev.signet.runtime.Secret");
    assertEquals("consumer", main.getModule().getName());
    assertEquals("consumer", generated.getModule().getName());
    assertEquals("dev.signet.runtime", secret.getModule().getName());
    String result = (String) main.getMethod("signAndVerify").invoke(null);
    assertTrue(
        result.matches(
            "https://acme\\.example\\.com/embed/login\\?user=ann&nonce=[0-9A-Za-z]{32}&team=red"
                + "&signature=\\S+ true"),
        result);
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}
