package dev.signet.omni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.annotations.SignedUrl;
import dev.signet.runtime.Secret;
import java.io.File;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's code compiled against this module's classes, the runtime and the annotations alone, with
 * no annotation processor anywhere and every lint warning an error: the generated classes it uses
 * come with the module, and reading the declarations they implement warns of nothing.
 */
class NoProcessorNeededTest {

  @Test
  void aUserSignsWithTheShippedClassesAndNoProcessor(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("src/app/Embed.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        String.join(
            "\n",
            "package app;",
            "",
            "import dev.signet.omni.OmniOrigins;",
            "import dev.signet.omni.SignetOmniLogin;",
            "import dev.signet.omni.SignetOmniRedeemSession;",
            "import dev.signet.runtime.Secret;",
            "",
            "public final class Embed {",
            "  public static String login(Secret secret) {",
            "    return SignetOmniLogin.builder().contentPath(\"/my\").externalId(\"u-1\").name(\"Blob\")",
            "        .nonce(\"0123456789abcdefghijABCDEFGHIJ01\").build()",
            "        .signedUrl(OmniOrigins.organization(\"acme\"), secret);",
            "  }",
            "",
            "  public static String redeem(Secret secret) {",
            "    return SignetOmniRedeemSession.builder().sessionId(\"s-1\").build()",
            "        .signedUrl(OmniOrigins.organization(\"acme\"), secret);",
            "  }",
            "}",
            ""),
        StandardCharsets.UTF_8);
    String classPath =
        Stream.of(SignetOmniLogin.class, Secret.class, SignedUrl.class)
            .map(NoProcessorNeededTest::origin)
            .distinct()
            .collect(Collectors.joining(File.pathSeparator));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled =
        javac
            .getTask(
                diagnostics,
                null,
                null,
                List.of(
                    "-Xlint:all",
                    "-Werror",
                    "--release",
                    "17",
                    "-classpath",
                    classPath,
                    "-processorpath",
                    classPath,
                    "-d",
                    classes.toString()),
                null,
                javac
                    .getStandardFileManager(null, null, StandardCharsets.UTF_8)
                    .getJavaFileObjects(source.toFile()))
            .call();
    assertTrue(compiled, diagnostics::toString);
    assertEquals("", diagnostics.toString());

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> embed = loader.loadClass("app.Embed");
      Secret secret = Secret.ofUtf8("no-processor-secret");
      String login = (String) embed.getMethod("login", Secret.class).invoke(null, secret);
      assertEquals(
          SignetOmniLogin.builder()
              .contentPath("/my")
              .externalId("u-1")
              .name("Blob")
              .nonce("0123456789abcdefghijABCDEFGHIJ01")
              .build()
              .signedUrl(OmniOrigins.organization("acme"), secret),
          login);
      String redeem = (String) embed.getMethod("redeem", Secret.class).invoke(null, secret);
      assertTrue(
          redeem.startsWith("https://acme.embed-omniapp.co/embed/sso/redeem-session?"), redeem);
    }
  }

  /** The folder or jar that {@code type} was loaded from. */
  private static String origin(Class<?> type) {
    try {
      return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new AssertionError(e);
    }
  }
}
