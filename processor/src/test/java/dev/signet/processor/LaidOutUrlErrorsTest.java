package dev.signet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.signet.processor.Sources.compile;
import static dev.signet.processor.Sources.declaration;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every problem the readers report about laid-out signed URLs (path, fragment and unsigned
 * parameters, frames) and about the shared value traits ({@code @Constant}, {@code @Timestamp},
 * {@code @Spread}, {@code @Range}, default methods, nonce formats): each test declares exactly one,
 * and checks the message's key text and the line it is reported on. The annotations are named in
 * full, so that {@link Sources}' imports serve every kind's tests unchanged.
 */
class LaidOutUrlErrorsTest {
  private static final String NONCE = "  @Nonce(length = 32) String nonce();";

  private static void assertOnlyError(
      Compilation compilation, JavaFileObject file, String message, String line) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
  }

  @Nested
  class Places {
    @Test
    void pathParameterAbsentFromTheTemplate() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @Param(in = dev.signet.annotations.Location.PATH_SEGMENT) String target();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter target travels in the path, but the path \"/login\" has no {target}; add it"
              + " to @SignedUrl(path) or move the parameter to the query",
          "String target();");
    }

    @Test
    void templateNameWithNoParameter() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login/{target}\")",
              "public interface Login {",
              NONCE,
              "}");
      assertOnlyError(
          compile(file),
          file,
          "path \"/login/{target}\" names {target}, but no parameter of that wire name travels in"
              + " the path; declare one with @Param(in = Location.PATH_SEGMENT)",
          "@SignedUrl(path = \"/login/{target}\")");
    }

    @Test
    void pathParameterMustBeARequiredString() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login/{target}\")",
              "public interface Login {",
              NONCE,
              "  @Param(in = dev.signet.annotations.Location.PATH_SEGMENT)",
              "  Optional<String> target();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter target travels in the path, which every request has whole and signs: declare"
              + " it as `String target()`, not @Unsigned, optional or @Spread",
          "@Param(in = dev.signet.annotations.Location.PATH_SEGMENT)");
    }

    @Test
    void signedFragment() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @Param(in = dev.signet.annotations.Location.FRAGMENT) Optional<String> theme();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter theme travels in the fragment, which a browser never sends, so no server can"
              + " check a signature over it; mark it @Unsigned",
          "Optional<String> theme();");
    }

    @Test
    void requiredUnsigned() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @dev.signet.annotations.Unsigned String name();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter name is @Unsigned, so a verifier can never trust it and gives it back apart"
              + " from the request: declare it optional, `Optional<...> name()`, without a"
              + " constant, clock or default",
          "@dev.signet.annotations.Unsigned String name();");
    }

    @Test
    void unsignedInAQuerySignedAsWritten() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\", layout = dev.signet.annotations.Layout.URL_AS_WRITTEN)",
              "public interface Login {",
              NONCE,
              "  @dev.signet.annotations.Unsigned Optional<String> name();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter name is @Unsigned, but the layout URL_AS_WRITTEN signs the whole query; sign"
              + " it, or send it in the fragment",
          "Optional<String> name();");
    }
  }

  @Nested
  class Frames {
    @Test
    void frameNamesNoSignedParameter() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\", frame = \"{text},{nope}\")",
              "public interface Login {",
              NONCE,
              "}");
      assertOnlyError(
          compile(file),
          file,
          "frame \"{text},{nope}\" names {nope}, which is no required, signed query parameter;"
              + " name one, or {text}",
          "frame = \"{text},{nope}\"");
    }

    @Test
    void frameWithoutTheText() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\", frame = \"GET\")",
              "public interface Login {",
              NONCE,
              "}");
      assertOnlyError(
          compile(file),
          file,
          "frame \"GET\" must hold {text}, where the layout's signed text goes",
          "frame = \"GET\"");
    }
  }

  @Nested
  class ValueTraits {
    @Test
    void optionalConstant() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @dev.signet.annotations.Constant(\"userbacked\") Optional<String> mode();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter mode is a @Constant, which every request carries as given: declare it as"
              + " `String mode()`, not optional",
          "Optional<String> mode();");
    }

    @Test
    void constantThatIsAlsoATimestamp() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @dev.signet.annotations.Constant(\"1\") @dev.signet.annotations.Timestamp",
              "  String time();",
              "}");
      assertThat(compile(file))
          .hadErrorContaining(
              "Parameter time is a @Constant, so no caller passes it and it comes from no clock,"
                  + " nonce, map or default; remove the other annotation or the default body")
          .inFile(file)
          .onLineContaining("String time();");
    }

    @Test
    void timestampThatIsNotALong() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @dev.signet.annotations.Timestamp int time();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter time is a @Timestamp, seconds since the epoch that every request carries:"
              + " declare it as `long time()`",
          "int time();");
    }

    @Test
    void timestampThatIsAlsoADefault() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @Param @dev.signet.annotations.Timestamp",
              "  default long time() { return 0; }",
              "}");
      assertThat(compile(file))
          .hadErrorContaining(
              "Parameter time is a @Timestamp, filled from the clock; it cannot also be a nonce,"
                  + " map or default")
          .inFile(file)
          .onLineContaining("default long time()");
    }

    @Test
    void twoTimestamps() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @dev.signet.annotations.Timestamp long time();",
              "  @dev.signet.annotations.Timestamp long issued();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "@SignedUrl Login has two timestamps, time() and issued(); a request is made at one"
              + " time, so keep one @Timestamp",
          "public interface Login {");
    }

    @Test
    void spreadThatIsNotAMapOfTexts() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @dev.signet.annotations.Spread(prefix = \"ua_\") Map<String, Integer> attrs();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter attrs is @Spread into parameters named at run time, so it must be a"
              + " Map<String, String> (or an Optional of one)",
          "Map<String, Integer> attrs();");
    }

    @Test
    void rangeOnAText() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @dev.signet.annotations.Range(max = 5) String length();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter length has a @Range, which bounds whole numbers: declare it as int or long",
          "String length();");
    }

    @Test
    void emptyRange() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @dev.signet.annotations.Range(min = 5, max = 1) long length();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter length: @Range(min = 5, max = 1) holds no value; min must not exceed max",
          "long length();");
    }

    @Test
    void optionalDefault() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @Param default Optional<String> theme() { return Optional.empty(); }",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter theme has a default body, which gives the value when the caller gives none,"
              + " so it must return the value itself, not an Optional",
          "default Optional<String> theme()");
    }
  }

  @Nested
  class Expiries {
    @Test
    void aSignedUrlHasNoExpiry() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @dev.signet.annotations.Expiry(timeToLiveSeconds = 60) long exp();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter exp is an @Expiry, which only a signed JWT has; a signed URL's freshness is"
              + " its @Timestamp and the verifier's window, so remove @Expiry",
          "long exp();");
    }
  }

  @Nested
  class Nonces {
    @Test
    void lengthOfAUuid() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              "  @Nonce(length = 32, format = dev.signet.annotations.NonceFormat.UUID)",
              "  String nonce();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "@Nonce length applies to nonces of CHARACTERS, which this one never is; remove it",
          "@Nonce(length = 32, format = dev.signet.annotations.NonceFormat.UUID)");
    }

    @Test
    void aTimestampWithoutANonceIsWarnedOf() {
      JavaFileObject file =
          declaration(
              "Report",
              "@SignedUrl(path = \"/report\")",
              "public interface Report {",
              "  @dev.signet.annotations.Timestamp long timestamp();",
              "}");
      Compilation compilation = compile(file);
      assertThat(compilation).succeeded();
      assertThat(compilation)
          .hadWarningContaining(
              "@SignedUrl Report has no nonce, so a signed URL can be replayed until its"
                  + " @Timestamp is too old for the verifier. If you design this scheme, declare"
                  + " one, such as `@Nonce(length = 32) String nonce();`; if it is a vendor's,"
                  + " accept it with @AcceptedAmbiguity(reason = \"...\")")
          .inFile(file)
          .onLineContaining("public interface Report {");
    }

    @Test
    void aReasonAcceptsATimestampWithoutANonce() {
      JavaFileObject file =
          declaration(
              "Report",
              "@SignedUrl(path = \"/report\")",
              "@AcceptedAmbiguity(reason = \"The vendor's scheme has no nonce.\")",
              "public interface Report {",
              "  @dev.signet.annotations.Timestamp long timestamp();",
              "}");
      assertThat(compile(file)).succeededWithoutWarnings();
    }
  }
}
