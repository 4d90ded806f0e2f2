package dev.signet.sample.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.metabase.MetabaseDashboard;
import dev.signet.metabase.MetabaseParam;
import dev.signet.metabase.SignetMetabaseDashboardEmbed;
import dev.signet.mode.ModeOrigins;
import dev.signet.mode.SignetModeEmbed;
import dev.signet.omni.ContentRole;
import dev.signet.omni.OmniContentPaths;
import dev.signet.omni.OmniOrigins;
import dev.signet.omni.SignetOmniLogin;
import dev.signet.omni.SignetOmniRedeemSession;
import dev.signet.omni.Theme;
import dev.signet.omni.UserAttribute;
import dev.signet.runtime.InMemoryNonceStore;
import dev.signet.runtime.JwtVerifier;
import dev.signet.runtime.MacAlgorithm;
import dev.signet.runtime.NonceStore;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SignatureFormat;
import dev.signet.runtime.UrlVerifier;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure;
import dev.signet.runtime.VerificationFailure.Reason;
import dev.signet.runtime.Verifier;
import dev.signet.sample.cli.Main;
import dev.signet.sample.standin.MetabaseStandin;
import dev.signet.sample.web.SampleApp;
import dev.signet.sample.web.VendorSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Drives every failure path of the runtime, the generated requests and verifiers, and the command
 * line with a recognizable secret, and looks for it (and its hex and base64 forms) in everything
 * they produce: failure messages and their toString, verifications, signed-text reports, exception
 * messages, the CLI's output, and whatever reaches System.out, System.err or java.util.logging
 * meanwhile.
 *
 * <p>A refusal must not show the signature the secret gives for what was received either: with it
 * anyone could sign anything.
 */
class SecretCanaryTest {
  private static final String CANARY = "SECRET-CANARY-5b1e0c9d4f7a2e38";

  /** A secret that looks like an option to a command-line parser. */
  private static final String DASHED_CANARY = "-SECRET-CANARY-dashed-77aa01";

  private static final Origin OMNI = OmniOrigins.organization("acme");
  private static final Origin PROOF = Origin.https("proof.example.com", 8443);
  private static final Secret SECRET = Secret.ofUtf8(CANARY);
  private static final String NONCE = "0123456789abcdefghijABCDEFGHIJ01";

  /** Everything the code under test produced in this test, to search for the secret. */
  private final List<String> produced = new ArrayList<>();

  private PrintStream standardOut;
  private PrintStream standardErr;
  private final ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
  private final ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
  private final List<String> logged = new ArrayList<>();
  private final Handler logHandler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(
              record.getLoggerName()
                  + " "
                  + record.getMessage()
                  + " "
                  + (record.getParameters() == null ? "" : List.of(record.getParameters()))
                  + " "
                  + record.getThrown());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void capture() {
    standardOut = System.out;
    standardErr = System.err;
    System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
    Logger.getLogger("").addHandler(logHandler);
  }

  @AfterEach
  void searchForTheSecret() {
    Logger.getLogger("").removeHandler(logHandler);
    System.setOut(standardOut);
    System.setErr(standardErr);
    produced.add(capturedOut.toString(StandardCharsets.UTF_8));
    produced.add(capturedErr.toString(StandardCharsets.UTF_8));
    produced.addAll(logged);
    assertFalse(produced.isEmpty());
    for (String secret : List.of(CANARY, DASHED_CANARY)) {
      byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
      List<String> forms =
          List.of(
              secret,
              secret.substring(1).toLowerCase(Locale.ROOT),
              HexFormat.of().formatHex(bytes),
              Base64.getEncoder().withoutPadding().encodeToString(bytes),
              Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
      for (String text : produced) {
        for (String form : forms) {
          assertFalse(
              text != null && text.toLowerCase(Locale.ROOT).contains(form.toLowerCase(Locale.ROOT)),
              () -> "the secret shows, as " + form + ", in: " + text);
        }
      }
    }
  }

  private void show(Object... things) {
    for (Object thing : things) {
      produced.add(String.valueOf(thing));
    }
  }

  private void showThrown(Runnable action) {
    try {
      action.run();
      produced.add("(nothing thrown)");
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      show(e, e.getMessage(), e.getLocalizedMessage(), trace);
    }
  }

  // ---- the runtime ----

  @Test
  void secretsShowNothingOfTheirBytes() {
    Secret fromBytes = Secret.ofBytes(CANARY.getBytes(StandardCharsets.UTF_8));
    show(SECRET, fromBytes, SECRET.hashCode(), fromBytes.hashCode(), SECRET.equals(fromBytes));
    assertEquals(SECRET, fromBytes);
    assertEquals(SECRET.hashCode(), Secret.ofUtf8("another").hashCode());
    showThrown(() -> Secret.ofUtf8(""));
    showThrown(() -> Secret.ofBytes(new byte[0]));
    show(SignetOmniLogin.verifier(OMNI, SECRET), SignetProofRequest.verifier(PROOF, SECRET));
  }

  // ---- every failure of every generated verifier ----

  /** Each of the verifiers, with a signed URL of its type and ways to break it. */
  private record Case<T>(
      String name,
      Function<Secret, Verifier<T>> verifier,
      String signedUrl,
      MacAlgorithm algorithm,
      SignatureFormat format,
      List<String> invalidValues,
      String nonceParameter) {}

  private static List<Case<?>> cases() {
    SignetOmniLogin login =
        SignetOmniLogin.builder()
            .contentPath(OmniContentPaths.dashboard("d1"))
            .externalId("user-1")
            .name("Zoë")
            .nonce(NONCE)
            .theme(Theme.VIBES)
            .accessBoost(true)
            .entityFolderContentRole(ContentRole.VIEWER)
            .userAttributes(Map.of("region", UserAttribute.of("west")))
            .build();
    SignetOmniRedeemSession redeem =
        SignetOmniRedeemSession.builder().sessionId("s-1").nonce(NONCE).theme(Theme.DAWN).build();
    SignetProofRequest proof =
        SignetProofRequest.builder()
            .subject("s")
            .count(3)
            .nonce("abcdefghijklmnopqrstuvwx")
            .shade(Shade.DARK)
            .flag(true)
            .attributes(Map.of("k", "v"))
            .tags(List.of("t"))
            .build();
    SignetTrimmedProofRequest trimmed =
        SignetTrimmedProofRequest.builder()
            .subject("s")
            .nonce("abcdefghijklmnop")
            .total(5L)
            .filter("a%20b")
            .build();
    return List.of(
        new Case<>(
            "Omni login",
            secret -> SignetOmniLogin.verifier(OMNI, secret),
            login.signedUrl(OMNI, SECRET),
            MacAlgorithm.HMAC_SHA256,
            SignatureFormat.BASE64URL_UNPADDED,
            List.of(
                "theme=neon",
                "accessBoost=yes",
                "userAttributes=%7B",
                "userAttributes=%7B%22a%22%3A%7B%7D%7D",
                "entityFolderContentRole=viewer",
                "name=a%0Ab",
                "branch=",
                "mode=%20",
                "groups=%5B1%5D"),
            "nonce"),
        new Case<>(
            "Omni redeem-session",
            secret -> SignetOmniRedeemSession.verifier(OMNI, secret),
            redeem.signedUrl(OMNI, SECRET),
            MacAlgorithm.HMAC_SHA256,
            SignatureFormat.BASE64URL_UNPADDED,
            List.of("theme=x", "prefersDark=maybe", "branch=%0D"),
            "nonce"),
        new Case<>(
            "unambiguous",
            secret -> SignetProofRequest.verifier(PROOF, secret),
            proof.signedUrl(PROOF, SECRET),
            MacAlgorithm.HMAC_SHA256,
            SignatureFormat.BASE64URL_UNPADDED,
            List.of(
                "shade=dark",
                "flag=1",
                "level=01",
                "level=99999999999",
                "attributes=%5B%5D",
                "tags=%5Bnull%5D",
                "first=",
                "subject=%ED%A0%80"),
            "nonce"),
        new Case<>(
            "trimmed",
            secret -> SignetTrimmedProofRequest.verifier(PROOF, secret),
            trimmed.signedUrl(PROOF, SECRET),
            MacAlgorithm.HMAC_SHA512,
            SignatureFormat.HEX,
            List.of("total=%2B5", "filter=%25zz", "note=", "shade=Light"),
            "nonce"));
  }

  @Test
  void noRefusalOfAnyVerifierShowsTheSecretOrTheSignatureItGives() {
    Set<Reason> reached = EnumSet.noneOf(Reason.class);
    for (Case<?> c : cases()) {
      reached.addAll(driveEveryFailure(c));
    }
    reached.addAll(driveEveryJwtFailure());
    reached.addAll(driveTimestampFailures());
    assertEquals(EnumSet.allOf(Reason.class), reached, "every kind of refusal is driven");
  }

  /** A signed JWT's verifier, Metabase's, through each of its refusals. */
  private Set<Reason> driveEveryJwtFailure() {
    long iat = 1_800_000_000L;
    String token =
        SignetMetabaseDashboardEmbed.builder()
            .resource(MetabaseDashboard.of(1))
            .params(Map.of("region", MetabaseParam.of("west")))
            .iat(iat)
            .build()
            .token(SECRET);
    String[] parts = token.split("\\.");
    Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
    JwtVerifier<SignetMetabaseDashboardEmbed> verifier =
        SignetMetabaseDashboardEmbed.verifier(SECRET)
            .withClock(Clock.fixed(Instant.ofEpochSecond(iat), ZoneOffset.UTC));
    String otherClaims =
        base64url.encodeToString(
            "{\"resource\":{\"dashboard\":2},\"params\":{},\"exp\":1800000600,\"iat\":1800000000}"
                .getBytes(StandardCharsets.UTF_8));
    String withKid =
        base64url.encodeToString(
            "{\"alg\":\"HS256\",\"kid\":\"k\"}".getBytes(StandardCharsets.UTF_8));
    List<Verification<SignetMetabaseDashboardEmbed>> outcomes =
        List.of(
            verifier.verify(token + "="),
            verifier.verify(
                base64url.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                    + "."
                    + parts[1]
                    + "."),
            verifier.verify(withKid + "." + parts[1] + "." + parts[2]),
            verifier.verify(parts[0] + "." + otherClaims + "." + parts[2]),
            verifier
                .withClock(Clock.fixed(Instant.ofEpochSecond(iat + 700), ZoneOffset.UTC))
                .verify(token),
            verifier
                .withClock(Clock.fixed(Instant.ofEpochSecond(iat - 700), ZoneOffset.UTC))
                .verify(token),
            verifier.verify(token),
            verifier.verify(token));
    // The MAC the secret gives for the forged claims, which no refusal may show.
    String forgedSignature =
        base64url.encodeToString(
            SECRET.mac(
                MacAlgorithm.HMAC_SHA256,
                (parts[0] + "." + otherClaims).getBytes(StandardCharsets.UTF_8)));
    Set<Reason> reached = EnumSet.noneOf(Reason.class);
    for (Verification<SignetMetabaseDashboardEmbed> outcome : outcomes) {
      show(outcome, verifier);
      outcome
          .failure()
          .ifPresent(
              failure -> {
                reached.add(failure.reason());
                show(failure, failure.message(), failure.parameterName().orElse(""));
                assertFalse(failure.toString().contains(forgedSignature), failure::toString);
              });
    }
    assertTrue(outcomes.get(6).isVerified(), outcomes.get(6)::toString);
    return reached;
  }

  /**
   * The refusals that only a timestamped, laid-out scheme's verifier gives (a timestamp too old or
   * too far ahead), over Mode's embed, each shown everywhere a refusal can show it.
   */
  private Set<Reason> driveTimestampFailures() {
    long now = 1_780_799_076L;
    String url =
        SignetModeEmbed.builder()
            .org("acme")
            .report("f2f26165a881")
            .accessKey("632b92409d3fb64afebede10d4e8eb2a")
            .timestamp(now)
            .build()
            .signedUrl(ModeOrigins.APP, SECRET);
    Set<Reason> reached = EnumSet.noneOf(Reason.class);
    for (long offset : new long[] {3_600, -3_600}) {
      UrlVerifier<SignetModeEmbed> verifier =
          SignetModeEmbed.verifier(ModeOrigins.APP, SECRET)
              .withClock(Clock.fixed(Instant.ofEpochSecond(now + offset), ZoneOffset.UTC));
      Verification<SignetModeEmbed> outcome = verifier.verifyUrl(url);
      VerificationFailure failure = outcome.failure().orElseThrow();
      reached.add(failure.reason());
      show(verifier, outcome, failure, failure.message(), outcome.report().orElseThrow());
    }
    return reached;
  }

  private <T> Set<Reason> driveEveryFailure(Case<T> c) {
    String url = c.signedUrl();
    String endpoint = url.substring(0, url.indexOf('?'));
    String query = url.substring(url.indexOf('?') + 1);
    String signature = query.substring(query.indexOf("signature=") + "signature=".length());
    String withoutSignature = query.substring(0, query.indexOf("&signature="));
    String nonce =
        withoutSignature.replaceAll(".*(?:^|&)" + c.nonceParameter() + "=([^&]*).*", "$1");
    Verifier<T> verifier = c.verifier().apply(SECRET);
    show(
        verifier,
        verifier.ignoringUnknownParameters(),
        verifier.withNonceStore(nonceValue -> NonceStore.Outcome.FULL));

    List<Verification<T>> outcomes = new ArrayList<>();
    outcomes.add(verifier.verifyUrl(null));
    outcomes.add(verifier.verifyQuery(null));
    outcomes.add(verifier.verifyUrl(url + "#fragment"));
    outcomes.add(verifier.verifyUrl(url.replace("https://", "http://")));
    outcomes.add(verifier.verifyUrl(endpoint + "/x?" + query));
    outcomes.add(verifier.verifyQuery(query + "&x=%zz"));
    outcomes.add(
        verifier.verifyQuery(
            query + "&" + withoutSignature.substring(0, withoutSignature.indexOf('&'))));
    outcomes.add(verifier.verifyQuery(query + "&unknown=1"));
    outcomes.add(verifier.verifyQuery(withoutSignature));
    outcomes.add(
        verifier.verifyQuery(
            withoutSignature.substring(withoutSignature.indexOf('&') + 1)
                + "&signature="
                + signature));
    for (String invalid : c.invalidValues()) {
      String name = invalid.substring(0, invalid.indexOf('='));
      outcomes.add(
          verifier.verifyQuery(
              query.replaceFirst("(^|&)" + name + "=[^&]*", "$1" + invalid)
                  + (query.matches("(?:.*&)?" + name + "=.*") ? "" : "&" + invalid)));
    }
    outcomes.add(
        verifier.verifyQuery(
            query.replace(
                c.nonceParameter() + "=" + nonce, c.nonceParameter() + "=" + nonce + "x")));
    outcomes.add(
        verifier.verifyQuery(
            query.replace(
                c.nonceParameter() + "=" + nonce,
                c.nonceParameter() + "=" + nonce.substring(1) + "%21")));
    // A forged request: the signed query with one value changed, and a signature from another
    // secret.
    outcomes.add(
        verifier.verifyQuery(
            query.replace("signature=" + signature, "signature=" + signature.substring(1) + "A")));
    outcomes.add(
        verifier.verifyQuery(
            withoutSignature.replace(nonce, nonce.substring(1) + nonce.charAt(0))
                + "&signature="
                + signature));
    outcomes.add(c.verifier().apply(Secret.ofUtf8("another secret")).verifyUrl(url));
    outcomes.add(verifier.verifyUrl(url)); // verified
    outcomes.add(verifier.verifyUrl(url)); // replayed
    outcomes.add(
        c.verifier()
            .apply(SECRET)
            .withNonceStore(new InMemoryNonceStore(1, Duration.ofHours(1)))
            .verifyQuery(query)); // verified, and fills the store
    Verifier<T> full =
        c.verifier().apply(SECRET).withNonceStore(nonceValue -> NonceStore.Outcome.FULL);
    outcomes.add(full.verifyUrl(url));
    // A store that cannot answer, by its outcome or by throwing: refused, and nothing of the
    // store's shown.
    outcomes.add(
        c.verifier()
            .apply(SECRET)
            .withNonceStore(nonceValue -> NonceStore.Outcome.UNAVAILABLE)
            .verifyUrl(url));
    outcomes.add(
        c.verifier()
            .apply(SECRET)
            .withNonceStore(
                nonceValue -> {
                  throw new IllegalStateException("store down");
                })
            .verifyUrl(url));
    outcomes.add(c.verifier().apply(SECRET).ignoringUnknownParameters().verifyUrl(url + "&utm=1"));

    Set<Reason> reached = EnumSet.noneOf(Reason.class);
    for (Verification<T> outcome : outcomes) {
      show(outcome, outcome.request().map(Object::toString).orElse(""));
      outcome
          .failure()
          .ifPresent(
              failure -> {
                reached.add(failure.reason());
                show(
                    failure,
                    failure.message(),
                    failure.parameterName().orElse(""),
                    failure.reason());
              });
      outcome
          .report()
          .ifPresent(
              report -> {
                show(
                    report,
                    report.signedText(),
                    report.lines(),
                    report.firstDifferingLine("x\ny", "\n"));
                if (outcome.failure().map(VerificationFailure::reason).orElse(null)
                    == Reason.BAD_SIGNATURE) {
                  String expected =
                      c.format()
                          .encode(
                              SECRET.mac(
                                  c.algorithm(),
                                  report.signedText().getBytes(StandardCharsets.UTF_8)));
                  String shown =
                      outcome + " " + report + " " + outcome.failure().orElseThrow().message();
                  assertFalse(
                      shown.contains(expected),
                      () ->
                          c.name() + ": a refusal shows the signature the secret gives: " + shown);
                }
              });
    }
    assertTrue(outcomes.get(outcomes.size() - 5).isVerified(), c.name());
    assertTrue(outcomes.get(outcomes.size() - 1).isVerified(), c.name());
    return reached;
  }

  // ---- the sample app's Metabase page and stand-in ----

  /**
   * The host app with METABASE_SECRET_KEY set to the secret and its site URL at a stand-in Metabase
   * of the same key: the page that signs the embed, the stand-in's dashboard, each of its refusal
   * pages, and the settings' errors.
   */
  @Test
  void noMetabasePageRefusalOrSettingShowsTheSecret(@TempDir Path temp) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    try (MetabaseStandin standin =
        MetabaseStandin.start(InetAddress.getByName("127.0.0.1"), 0, SECRET)) {
      Map<String, String> env =
          Map.of("METABASE_SITE_URL", standin.baseUrl(), "METABASE_SECRET_KEY", CANARY);
      VendorSettings settings = VendorSettings.from(env);
      show(settings, settings.metabase().orElseThrow());
      String embedUrl;
      try (SampleApp app =
          SampleApp.start(new SampleApp.Options(0, temp.resolve("data"), 0, 0), settings)) {
        fetch(
            http,
            app.url() + "/signin",
            HttpRequest.newBuilder()
                .header("Origin", app.url())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=user-42")));
        String page = fetch(http, app.url() + "/metabase", HttpRequest.newBuilder());
        String prefix = "src=\"" + standin.baseUrl() + "/embed/dashboard/";
        int start = page.indexOf(prefix);
        assertTrue(start > 0, page);
        embedUrl = page.substring(start + "src=\"".length(), page.indexOf('#', start));
        for (String path : List.of("/", "/metabase?theme=night", "/nowhere")) {
          fetch(http, app.url() + path, HttpRequest.newBuilder());
        }
      }
      String accepted = fetch(http, embedUrl, HttpRequest.newBuilder());
      assertTrue(accepted.contains("id=\"dashboard-id\">1<"), accepted);
      String token = embedUrl.substring(embedUrl.lastIndexOf('/') + 1);
      String[] parts = token.split("\\.");
      Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
      long now = Instant.now().getEpochSecond();
      List<String> refused =
          List.of(
              token,
              parts[0] + "." + parts[1].substring(1) + "." + parts[2],
              parts[0] + "." + parts[1] + "x." + parts[2],
              base64url.encodeToString("{\"alg\":\"HS512\"}".getBytes(StandardCharsets.UTF_8))
                  + "."
                  + parts[1]
                  + "."
                  + parts[2],
              metabaseEmbed().iat(now - 3600).build().token(SECRET),
              metabaseEmbed().iat(now + 3600).build().token(SECRET),
              metabaseEmbed().timeToLive(Duration.ofDays(1)).build().token(SECRET));
      for (String each : refused) {
        String body = fetch(http, standin.baseUrl() + "/embed/dashboard/" + each, null);
        assertTrue(body.contains("id=\"refused\""), body);
      }
    }
    for (Map<String, String> env :
        List.of(
            Map.of("METABASE_SECRET_KEY", CANARY),
            Map.of("METABASE_SECRET_KEY", CANARY, "METABASE_SITE_URL", "not a url " + CANARY),
            Map.of("METABASE_SECRET_KEY", " " + CANARY, "METABASE_SITE_URL", "https://m.example"),
            Map.of(
                "METABASE_SECRET_KEY",
                CANARY,
                "METABASE_SITE_URL",
                "https://m.example",
                "METABASE_DASHBOARD",
                "x"))) {
      showThrown(() -> VendorSettings.from(env));
    }
  }

  private static SignetMetabaseDashboardEmbed.BuildStage metabaseEmbed() {
    return SignetMetabaseDashboardEmbed.builder()
        .resource(MetabaseDashboard.of(1))
        .params(Map.of("tenant", MetabaseParam.of("Acme Paints")));
  }

  /**
   * The response to {@code url} ({@code request} null for a plain GET), its status, headers and
   * body all shown to the search.
   */
  private String fetch(HttpClient http, String url, HttpRequest.Builder request) throws Exception {
    HttpRequest.Builder builder = request == null ? HttpRequest.newBuilder() : request;
    HttpResponse<String> response =
        http.send(builder.uri(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    show(response.statusCode(), response.headers().map(), response.body());
    return response.body();
  }

  // ---- the builders ----

  @Test
  void noRefusalOfABuilderOrOriginShowsTheSecret() {
    SignetOmniLogin login =
        SignetOmniLogin.builder().contentPath("/my").externalId("u").name("n").build();
    showThrown(() -> login.signedUrl(null, SECRET));
    showThrown(() -> login.signedUrl(OMNI, null));
    show(login, login.canonicalText(OMNI), login.signedUrl(OMNI, SECRET));
    showThrown(
        () -> SignetOmniLogin.builder().contentPath("/my").externalId("u").name("a\nb").build());
    showThrown(
        () -> SignetOmniLogin.builder().contentPath("/my").externalId("u").name("a\rb").build());
    showThrown(() -> SignetOmniLogin.builder().contentPath("").externalId("u").name("n").build());
    showThrown(
        () -> SignetOmniLogin.builder().contentPath("/my").externalId("u").name("\uD800").build());
    showThrown(
        () ->
            SignetOmniLogin.builder()
                .contentPath("/my")
                .externalId("u")
                .name("n")
                .nonce("short")
                .build());
    showThrown(
        () ->
            SignetOmniLogin.builder()
                .contentPath("/my")
                .externalId("u")
                .name("n")
                .nonce(NONCE.replace('0', '-'))
                .build());
    showThrown(
        () ->
            SignetOmniLogin.builder()
                .contentPath("/my")
                .externalId("u")
                .name("n")
                .filterSearchParam("%zz")
                .build());
    showThrown(() -> SignetOmniLogin.builder().contentPath(null));
    showThrown(
        () ->
            SignetOmniLogin.builder()
                .contentPath("/my")
                .externalId("u")
                .name("n")
                .theme((Theme) null));
    showThrown(
        () ->
            SignetOmniLogin.builder()
                .contentPath("/my")
                .externalId("u")
                .name("n")
                .userAttributes(Map.of("a", UserAttribute.of(Double.NaN))));
    showThrown(() -> UserAttribute.ofList(List.of(new Object())));
    showThrown(() -> UserAttribute.fromJson(Boolean.TRUE));
    showThrown(() -> SignetProofRequest.builder().subject("").count(1).build());
    showThrown(() -> SignetProofRequest.builder().subject("\uDC00").count(1).build());
    showThrown(() -> SignetTrimmedProofRequest.builder().subject("s").filter("100%").build());
    showThrown(
        () -> SignetTrimmedProofRequest.builder().subject("s").nonce("ABCDEFGHIJKLMNOP").build());
    showThrown(() -> Origin.https("", 443));
    showThrown(() -> Origin.https("a b.com"));
    showThrown(() -> Origin.https("stra\u00DFe.de"));
    showThrown(() -> Origin.https("example.com", 0));
    showThrown(() -> Origin.https("a\uFF0Fb.com"));
    showThrown(() -> OmniOrigins.organization("acme.com"));
    showThrown(() -> OmniOrigins.of("h.com", "acme", null));
    showThrown(() -> OmniOrigins.of(null, null, 8443));
    showThrown(() -> OmniContentPaths.dashboard("a/b"));
  }

  // ---- the command line ----

  private record Run(int exitCode, String out, String err) {}

  private Run run(String stdin, String... args) throws Exception {
    Method reportUsageError =
        Main.class.getDeclaredMethod("reportUsageError", ParameterException.class, String[].class);
    reportUsageError.setAccessible(true);
    InputStream standardInput = System.in;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try {
      if (stdin != null) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      }
      CommandLine commandLine = new CommandLine(Main.class);
      // As Main.main sets it up, short of System.exit.
      commandLine.setParameterExceptionHandler(
          (error, arguments) -> {
            try {
              return (Integer) reportUsageError.invoke(null, error, arguments);
            } catch (InvocationTargetException e) {
              throw (Exception) e.getCause();
            }
          });
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      int exitCode = commandLine.execute(args);
      Run run = new Run(exitCode, out.toString(), err.toString());
      show(run.out(), run.err());
      return run;
    } finally {
      System.setIn(standardInput);
    }
  }

  private static List<String> login(String secret, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "omni-url",
                "--secret",
                secret,
                "--organization",
                "acme",
                "--content-path",
                "/my",
                "--external-id",
                "u1",
                "--name",
                "Blob Ross"));
    args.addAll(List.of(more));
    return args;
  }

  @Test
  void noErrorOfTheCommandLineShowsTheSecret() throws Exception {
    List<List<String>> failing = new ArrayList<>();
    for (String secret : List.of(CANARY, DASHED_CANARY)) {
      failing.add(login(secret, "--nonce", "tooShort"));
      failing.add(login(secret, "--theme", "neon"));
      failing.add(login(secret, "--name", "Eve\nforged"));
      failing.add(login(secret, "--user-attributes", "{region: west}"));
      failing.add(login(secret, "--user-attributes", "{\"a\": {\"b\": 1}}"));
      failing.add(login(secret, "--groups", "[1]"));
      failing.add(login(secret, "--ui-settings", "{}"));
      failing.add(login(secret, "--host", "analytics.acme.io"));
      failing.add(login(secret, "--port", "https"));
      failing.add(login(secret, "--port", "70000"));
      failing.add(login(secret, "--access-boost", "maybe"));
      failing.add(login(secret, "--op", "logout"));
      failing.add(login(secret, "--filter-search-param", "%zz"));
      failing.add(login(secret, "--external-id", ""));
      failing.add(login(secret, "--secret", secret)); // given twice
      failing.add(login(secret, "--unknown", "x", "--secrte=" + secret));
      failing.add(login(CANARY, "--secrte", CANARY)); // the dashed secret: see the finding below
      failing.add(login(secret, "--port")); // an option without its value
      failing.add(
          List.of(
              "omni-url", "--organization", "acme", "--secret", secret, "--port", "--name", "x"));
      failing.add(List.of("omni-url", "--port", "--secret", secret));
      failing.add(List.of("omni-url", "--access-boost", "--secret", secret));
      failing.add(
          List.of("omni-url", CANARY, "--organization", "acme")); // the secret as a stray argument
      failing.add(
          List.of("omni-url", "--op", "redeem", "--secret", secret, "--organization", "acme"));
      failing.add(List.of("omni-url", "--secret", secret)); // everything else missing
      failing.add(List.of("nonsense", "--secret", CANARY));
    }
    for (List<String> args : failing) {
      Run run = run(null, args.toArray(String[]::new));
      assertNotEquals(0, run.exitCode(), () -> args + " -> " + run);
    }

    StringBuilder lines = new StringBuilder();
    for (String secret : List.of(CANARY, DASHED_CANARY)) {
      String good =
          "{\"secret\": \""
              + secret
              + "\", \"organizationName\": \"acme\", \"contentPath\": \"/my\","
              + " \"externalId\": \"u1\", \"name\": \"n\"";
      lines
          .append(good)
          .append(", \"theme\": \"neon\"}\n")
          .append(good)
          .append(", \"port\": \"x\"}\n")
          .append(good)
          .append(", \"port\": 1e400}\n")
          .append(good)
          .append(", \"op\": \"nope\"}\n")
          .append(good)
          .append(", \"colour\": \"red\"}\n")
          .append(good)
          .append(", \"userAttributes\": {\"a\": {\"b\": 1}}}\n")
          .append(good)
          .append(", \"userAttributes\": {\"a\": 1e400}}\n")
          .append(good)
          .append(", \"connectionRoles\": {\"a\": 1}}\n")
          .append(good)
          .append(", \"nonce\": \"x\"}\n")
          .append(good)
          .append(", \"name\": \"a\\nb\"}\n")
          .append(good)
          .append(", \"accessBoost\": \"yes\"}\n")
          .append(good)
          .append("\n") // cut short
          .append(good.replace("\"" + secret + "\"", secret))
          .append("}\n") // unquoted
          .append("{\"secret\": [\"" + secret + "\"]}\n")
          .append(
              "{\"op\": \"redeem\", \"secret\": \""
                  + secret
                  + "\", \"organizationName\": \"acme\"}\n")
          .append("[\"" + secret + "\"]\n");
    }
    Run jsonLines = run(lines.toString(), "omni-url", "--jsonl");
    assertEquals(0, jsonLines.exitCode());
    assertTrue(
        jsonLines.out().lines().allMatch(line -> line.startsWith("error: ")), jsonLines::out);
    assertEquals(32, jsonLines.out().lines().count(), jsonLines::out);
  }

  /**
   * picocli leaves a value that starts with {@code -} among the unmatched arguments when the option
   * before it is unknown (or the command is), and a secret starts with {@code -} once in 64 in
   * base64url: after a mistyped {@code --secret} it must not be printed. (Found here: the command
   * line used to print unmatched arguments that looked like options.)
   */
  @Test
  void aSecretThatStartsWithADashIsNotPrintedAfterAMistypedOption() throws Exception {
    run(null, login(DASHED_CANARY, "--secrte", DASHED_CANARY).toArray(String[]::new));
    run(null, "omni-url", DASHED_CANARY, "--organization", "acme");
    run(null, "nonsense", "--secret", DASHED_CANARY);
  }

  /** The real command, in a JVM of its own, with the secret in OMNI_EMBED_SECRET as documented. */
  @Test
  void theCommandLineShowsNoSecretFromItsEnvironment() throws Exception {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<List<String>> failing =
        List.of(
            List.of(
                "omni-url",
                "--organization",
                "acme",
                "--content-path",
                "/my",
                "--external-id",
                "u",
                "--name",
                "Eve\nforged",
                "--user-attributes",
                "{bad"),
            List.of("omni-url", "--organization", "acme", "--no-such-option", CANARY, "--port"));
    for (List<String> args : failing) {
      List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, Main.class.getName()));
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().put("OMNI_EMBED_SECRET", CANARY);
      builder.redirectInput(ProcessBuilder.Redirect.PIPE);
      Process process = builder.start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      byte[] err = process.getErrorStream().readAllBytes();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
      String stdout = new String(out, StandardCharsets.UTF_8);
      String stderr = new String(err, StandardCharsets.UTF_8);
      show(stdout, stderr);
      assertNotEquals(0, process.exitValue(), stdout + stderr);
      assertTrue(stderr.startsWith("error: "), stderr);
    }
  }
}
