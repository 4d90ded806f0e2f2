package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.internal.Redaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JsonHttpClient} against a real HTTP/1.1 server on 127.0.0.1: what it sends, how it maps
 * the answers, and that a credential of the request never reaches an exception.
 *
 * <p>The server is a small one on a {@link ServerSocket} rather than the JDK's {@code
 * com.sun.net.httpserver}: the tests run inside the module {@code dev.signet.runtime}, which does
 * not read {@code jdk.httpserver} (it depends on {@code java.net.http} alone).
 */
class JsonHttpClientTest {
  private static final String SECRET = "s3cr3t-Api-Secret";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** What the server received; header names in lower case. */
  record Received(String method, String path, Map<String, List<String>> headers, String body) {}

  /** What the server answers next. */
  private volatile int answerStatus = 200;

  private volatile String answerBody = "{\"token\":\"t\"}";
  private volatile Map<String, String> answerHeaders = Map.of();

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private ServerSocket server;
  private Thread serving;
  private URI base;

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    serving = new Thread(this::serve, "JsonHttpClientTest server");
    serving.setDaemon(true);
    serving.start();
    base = URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    serving.join(TIMEOUT.toMillis());
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket connection = server.accept()) {
        handle(connection);
      } catch (IOException closedOrBroken) {
        // The test is over, or the client hung up: the test's assertions tell which matters.
      }
    }
  }

  /** Reads one request and answers it, closing the connection. */
  private void handle(Socket connection) throws IOException {
    InputStream in = connection.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] requestLine = lines[0].split(" ");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(
              lines[i].substring(0, colon).trim().toLowerCase(), name -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", List.of("0")).get(0));
    byte[] body = in.readNBytes(length);
    received.add(
        new Received(
            requestLine[0],
            URI.create(requestLine[1]).getRawPath(),
            headers,
            new String(body, StandardCharsets.UTF_8)));

    byte[] answer = answerBody.getBytes(StandardCharsets.UTF_8);
    StringBuilder response = new StringBuilder();
    response.append("HTTP/1.1 ").append(answerStatus).append(" Answer\r\n");
    answerHeaders.forEach(
        (name, value) -> response.append(name).append(": ").append(value).append("\r\n"));
    response.append("Content-Type: application/json; charset=utf-8\r\n");
    response.append("Content-Length: ").append(answer.length).append("\r\n");
    response.append("Connection: close\r\n\r\n");
    OutputStream out = connection.getOutputStream();
    out.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(answer);
    out.flush();
  }

  private void answer(int status, String body) {
    answerStatus = status;
    answerBody = body;
  }

  private JsonHttpClient client() {
    return JsonHttpClient.of(base, TIMEOUT, TIMEOUT);
  }

  /** A request that carries {@link #SECRET} in a header and in its body, as issueToken does. */
  private static VendorRequest request(String method, String path) {
    return new VendorRequest() {
      @Override
      public String method() {
        return method;
      }

      @Override
      public String path() {
        return path;
      }

      @Override
      public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        headers.put("X-Api-Secret", SECRET);
        return headers;
      }

      @Override
      public String body() {
        return "{\"api_secret\":\"" + SECRET + "\",\"name\":\"Zoë 🚀\"}";
      }

      @Override
      public String redact(String text) {
        return Redaction.redact(text, SECRET);
      }
    };
  }

  private static void assertNoSecret(VendorRequestException e) {
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertFalse(e.toString().contains(SECRET), e.toString());
    assertFalse(e.vendorMessage().orElse("").contains(SECRET), e.vendorMessage().toString());
  }

  // ---- what is sent

  @Test
  void sendsTheMethodPathHeadersAndBodyAndGivesTheAnswer() throws Exception {
    answer(200, "{\"token\":\"eyJ.é.x\"}");
    String answer = client().send(request("POST", "/api/notebook/issueToken"));
    assertEquals("{\"token\":\"eyJ.é.x\"}", answer);

    assertEquals(1, received.size());
    Received sent = received.get(0);
    assertEquals("POST", sent.method());
    assertEquals("/api/notebook/issueToken", sent.path());
    assertEquals(List.of("application/json"), sent.headers().get("content-type"));
    assertEquals(List.of("application/json"), sent.headers().get("accept"));
    assertEquals(List.of(SECRET), sent.headers().get("x-api-secret"));
    assertEquals("{\"api_secret\":\"" + SECRET + "\",\"name\":\"Zoë 🚀\"}", sent.body());
  }

  @Test
  void otherMethodsAreSentAsTheyAre() throws Exception {
    client().send(request("PUT", "/v1/x"));
    assertEquals("PUT", received.get(0).method());
    assertEquals("/v1/x", received.get(0).path());
  }

  @Test
  void requestPathsFollowTheBasePath() throws Exception {
    JsonHttpClient client = JsonHttpClient.of(URI.create(base + "/v2/"), TIMEOUT, TIMEOUT);
    assertEquals(URI.create(base + "/v2/"), client.baseUri());
    client.send(request("POST", "/api/x"));
    assertEquals("/v2/api/x", received.get(0).path());
  }

  @Test
  void aGivenHttpClientIsUsed() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    JsonHttpClient client = JsonHttpClient.of(http, base, TIMEOUT);
    assertSame(base, client.baseUri());
    assertEquals("{\"token\":\"t\"}", client.send(request("POST", "/x")));
    assertEquals(1, received.size());
    assertThrows(NullPointerException.class, () -> JsonHttpClient.of(null, base, TIMEOUT));
  }

  // ---- 2xx answers

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 202, 299})
  void every2xxStatusGivesTheBody(int status) throws Exception {
    answer(status, "{\"ok\":" + status + "}");
    assertEquals("{\"ok\":" + status + "}", client().send(request("POST", "/x")));
  }

  @Test
  void anAnswerWithoutABodyGivesTheEmptyText() throws Exception {
    answer(204, "");
    assertEquals("", client().send(request("POST", "/x")));
  }

  @Test
  void theAnswerIsReadByTheGivenFunction() throws Exception {
    answer(200, "{\"token\":\"abc\"}");
    Object token =
        client()
            .send(request("POST", "/x"), body -> ((Map<?, ?>) JsonParser.parse(body)).get("token"));
    assertEquals("abc", token);
  }

  @Test
  void anAnswerTheFunctionCannotReadIsRefusedRedacted() {
    answer(200, "{\"echo\":\"" + SECRET + "\"}");
    VendorRequestException refused =
        assertThrows(
            VendorRequestException.class,
            () ->
                client()
                    .send(
                        request("POST", "/api/x"),
                        body -> {
                          throw new IllegalArgumentException("no token in " + body);
                        }));
    assertEquals(200, refused.status());
    assertEquals("POST /api/x", refused.request());
    assertEquals(Optional.empty(), refused.vendorMessage());
    assertEquals(
        "POST /api/x: the vendor's answer cannot be read: no token in {\"echo\":\"[redacted]\"}",
        refused.getMessage());
    assertNoSecret(refused);
  }

  // ---- other answers

  @Test
  void aRefusalCarriesTheStatusAndTheVendorsMessageRedacted() {
    answer(401, "{\"message\":\"invalid api_secret " + SECRET + "\",\"code\":7}");
    VendorRequestException refused =
        assertThrows(
            VendorRequestException.class,
            () -> client().send(request("POST", "/api/notebook/issueToken")));
    assertEquals(401, refused.status());
    assertEquals("POST /api/notebook/issueToken", refused.request());
    assertEquals(Optional.of("invalid api_secret [redacted]"), refused.vendorMessage());
    assertEquals(
        "POST /api/notebook/issueToken: the vendor answered with status 401:"
            + " invalid api_secret [redacted]",
        refused.getMessage());
    assertNoSecret(refused);
  }

  @ParameterizedTest
  @ValueSource(ints = {300, 400, 404, 500, 503})
  void statusesOutside2xxAreRefused(int status) {
    answer(status, "{\"message\":\"no\"}");
    VendorRequestException refused =
        assertThrows(VendorRequestException.class, () -> client().send(request("GET", "/x")));
    assertEquals(status, refused.status());
    assertEquals(Optional.of("no"), refused.vendorMessage());
    assertEquals(
        "GET /x: the vendor answered with status " + status + ": no", refused.getMessage());
  }

  @Test
  void redirectsAreNotFollowed() {
    answerHeaders = Map.of("Location", base + "/elsewhere");
    answer(307, "");
    VendorRequestException refused =
        assertThrows(VendorRequestException.class, () -> client().send(request("POST", "/x")));
    assertEquals(307, refused.status());
    assertEquals(1, received.size(), "the credential is not sent on");
    assertEquals("/x", received.get(0).path());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "<html><body>Bad gateway</body></html>",
        "{\"error\":\"no message member\"}",
        "{\"message\":42}",
        "{\"message\":null}",
        "[\"message\"]",
        "\"message\"",
        "{\"message\":\"unterminated"
      })
  void anAnswerWithoutAStringMessageGivesNoVendorMessage(String body) {
    answer(502, body);
    VendorRequestException refused =
        assertThrows(VendorRequestException.class, () -> client().send(request("POST", "/x")));
    assertEquals(502, refused.status());
    assertEquals(Optional.empty(), refused.vendorMessage());
    assertEquals("POST /x: the vendor answered with status 502", refused.getMessage());
  }

  @Test
  void aSecretEchoedInAnHtmlErrorPageIsNotShown() {
    answer(400, "<html>" + SECRET + "</html>");
    VendorRequestException refused =
        assertThrows(VendorRequestException.class, () -> client().send(request("POST", "/x")));
    assertNoSecret(refused);
  }

  @Test
  void manyRequestsShareOneClient() throws Exception {
    JsonHttpClient client = client();
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      answer(200, "{\"n\":" + i + "}");
      answers.add(client.send(request("POST", "/n/" + i)));
    }
    assertEquals(List.of("{\"n\":0}", "{\"n\":1}", "{\"n\":2}"), answers);
    assertEquals(List.of("/n/0", "/n/1", "/n/2"), received.stream().map(Received::path).toList());
    assertTrue(received.stream().allMatch(r -> r.method().equals("POST")));
  }

  // ---- paths that would not be a path of the base URI

  /** The refusal of {@code path}, by uriOf and by send, with nothing sent. */
  private IllegalArgumentException refusedPath(String path) {
    JsonHttpClient client = client();
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> client.uriOf(request("POST", path)));
    IllegalArgumentException refusedToSend =
        assertThrows(IllegalArgumentException.class, () -> client.send(request("POST", path)));
    assertEquals(refused.getMessage(), refusedToSend.getMessage());
    assertEquals(List.of(), received, "nothing is sent");
    assertTrue(refused.getMessage().startsWith("path "), refused.getMessage());
    assertFalse(refused.getMessage().contains(SECRET), refused.getMessage());
    return refused;
  }

  @ParameterizedTest
  @ValueSource(strings = {"api", "", "api/notebook/issueToken", "https://elsewhere.example/x"})
  void aPathThatDoesNotStartWithASlashIsRefused(String path) {
    assertEquals(
        "path \""
            + path
            + "\" must start with /, such as \"/api/notebook/issueToken\": it"
            + " follows the base URI",
        refusedPath(path).getMessage());
  }

  @Test
  void aPathApiDoesNotBecomePartOfTheHost() {
    // https://host + api would be https://hostapi.
    JsonHttpClient client =
        JsonHttpClient.of(URI.create("https://api.codatum.com"), TIMEOUT, TIMEOUT);
    assertThrows(IllegalArgumentException.class, () -> client.uriOf(request("POST", "api")));
  }

  @Test
  void aNullPathIsRefused() {
    assertEquals(
        "path null must start with /, such as \"/api/notebook/issueToken\": it follows"
            + " the base URI",
        refusedPath(null).getMessage());
  }

  @Test
  void theRefusedPathIsShownRedacted() {
    assertEquals(
        "path \"key=[redacted]\" must start with /, such as \"/api/notebook/issueToken\": it"
            + " follows the base URI",
        refusedPath("key=" + SECRET).getMessage());
    assertEquals(
        "path \"/x?key=[redacted]\" must hold no ?, #, whitespace or control characters, which"
            + " would change the URL it is sent to (found U+003F at index 2)",
        refusedPath("/x?key=" + SECRET).getMessage());
  }

  @Test
  void aPathThatWouldChangeTheUrlIsRefused() {
    // ? would start a query, # a fragment (never sent), and whitespace or a control character
    // would end the request line, or be refused by the URI parser with a message about the URL.
    String[][] cases = {
      {"/api?x=1", "U+003F", "4"},
      {"/api#top", "U+0023", "4"},
      {"/a b", "U+0020", "2"},
      {"/a\tb", "U+0009", "2"},
      {"/a\r\nHost: evil", "U+000D", "2"},
      {"/a\u007f", "U+007F", "2"},
      {"/a\u00a0b", "U+00A0", "2"},
      {"/a\u2028b", "U+2028", "2"},
      {"/\u3000", "U+3000", "1"},
    };
    for (String[] c : cases) {
      StringBuilder quoted = new StringBuilder();
      Json.appendString(quoted, c[0]);
      assertEquals(
          "path "
              + quoted
              + " must hold no ?, #, whitespace or control characters, which would"
              + " change the URL it is sent to (found "
              + c[1]
              + " at index "
              + c[2]
              + ")",
          refusedPath(c[0]).getMessage());
    }
  }

  @Test
  void aPathThatIsNoUriPathIsRefusedNamingThePath() {
    assertEquals(
        "path \"/a|b\" must be a URI path, with other characters %-encoded (Illegal character in"
            + " path at index 2)",
        refusedPath("/a|b").getMessage());
    assertEquals(
        "path \"/100%\" must be a URI path, with other characters %-encoded (Malformed escape pair"
            + " at index 4)",
        refusedPath("/100%").getMessage());
  }

  @Test
  void everyCharacterOfAUriPathIsSentAsItIs() throws Exception {
    String path = "/a-b_c.d~e/!$&'()*+,;=:@/%2F%C3%A9/";
    assertEquals(URI.create(base + path), client().uriOf(request("POST", path)));
    client().send(request("POST", path));
    assertEquals(path, received.get(0).path());
  }
}
