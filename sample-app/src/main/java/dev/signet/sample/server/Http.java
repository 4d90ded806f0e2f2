package dev.signet.sample.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The little the sample's servers need on top of the JDK's {@code com.sun.net.httpserver}: a
 * request with its query, form and cookies read, a response value, and a router by method and path.
 * Each server runs on a small thread pool of its own.
 */
public final class Http {
  private static final Logger LOG = Logger.getLogger(Http.class.getName());
  private static final int MAX_BODY = 256 * 1024;

  private Http() {}

  /** Handles one request. An exception becomes a 500 page that does not show it. */
  @FunctionalInterface
  public interface Handler {
    Response handle(Request request) throws Exception;
  }

  /** A received request: method, path, the raw query, and the body read in full. */
  public static final class Request {
    private final HttpExchange exchange;
    private final String body;
    private Map<String, String> query;
    private Map<String, String> form;

    Request(HttpExchange exchange, String body) {
      this.exchange = exchange;
      this.body = body;
    }

    public String method() {
      return exchange.getRequestMethod();
    }

    public String path() {
      return exchange.getRequestURI().getRawPath();
    }

    /** The query exactly as received (still percent-encoded), or the empty string. */
    public String rawQuery() {
      String raw = exchange.getRequestURI().getRawQuery();
      return raw == null ? "" : raw;
    }

    /** A query parameter, decoded; the first when repeated. */
    public String query(String name) {
      if (query == null) {
        query = parseForm(rawQuery());
      }
      return query.get(name);
    }

    /** A field of an {@code application/x-www-form-urlencoded} body; the first when repeated. */
    public String form(String name) {
      if (form == null) {
        form = parseForm(body);
      }
      return form.get(name);
    }

    /** Every field of the form body, in order. */
    public Map<String, String> form() {
      if (form == null) {
        form = parseForm(body);
      }
      return Collections.unmodifiableMap(form);
    }

    public String body() {
      return body;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
      return exchange.getRequestHeaders().getFirst(name);
    }

    /** A cookie's value, or null. */
    public String cookie(String name) {
      List<String> headers = exchange.getRequestHeaders().get("Cookie");
      if (headers == null) {
        return null;
      }
      for (String header : headers) {
        for (String pair : header.split(";")) {
          int equals = pair.indexOf('=');
          if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
            return pair.substring(equals + 1).trim();
          }
        }
      }
      return null;
    }

    /**
     * Whether a state-changing request comes from a page of this server: its {@code Host} names the
     * address the server is bound to (see {@link #isForThisServer}) and its {@code Origin} header,
     * which browsers send with every POST, is that same address. Together with {@code SameSite=Lax}
     * cookies this keeps other sites from posting on a user's behalf; comparing with the bound
     * address rather than with whatever {@code Host} says keeps a page at a host name that an
     * attacker points at 127.0.0.1 (DNS rebinding) from passing as this server.
     */
    public boolean isSameOrigin() {
      String origin = header("Origin");
      return origin != null && isForThisServer() && origin.equals("http://" + header("Host"));
    }

    /**
     * Whether the {@code Host} header names the address the server is bound to: its IP address and
     * port, or for a loopback address {@code localhost} and the port. Any other name reached this
     * server only because some DNS name was pointed at it.
     */
    public boolean isForThisServer() {
      String host = header("Host");
      InetSocketAddress local = exchange.getLocalAddress();
      if (host == null || local == null) {
        return false;
      }
      String port = ":" + local.getPort();
      String address = local.getAddress().getHostAddress();
      return host.equals(address + port)
          || (local.getAddress().isLoopbackAddress() && host.equals("localhost" + port));
    }
  }

  /** An answer: status, content type, body and extra headers. */
  public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    public Response {
      headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static Response html(String html) {
      return html(200, html);
    }

    public static Response html(int status, String html) {
      return of(status, "text/html; charset=utf-8", html);
    }

    public static Response json(int status, String json) {
      return of(status, "application/json; charset=utf-8", json);
    }

    public static Response text(int status, String text) {
      return of(status, "text/plain; charset=utf-8", text);
    }

    /** A 303 to {@code location}, so that a reload does not post again. */
    public static Response redirect(String location) {
      return new Response(
          303, "text/plain; charset=utf-8", new byte[0], Map.of("Location", location));
    }

    public static Response of(int status, String contentType, String body) {
      return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public Response withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Response(status, contentType, body, more);
    }
  }

  /** Routes by method and exact path, then by path prefix; anything else is a 404. */
  public static final class Router {
    private final Map<String, Handler> exact = new LinkedHashMap<>();
    private final List<Map.Entry<String, Handler>> prefixes = new ArrayList<>();
    private final Map<String, String> commonHeaders = new LinkedHashMap<>();
    private ErrorPage errorPage = Http::plainErrorPage;

    public Router get(String path, Handler handler) {
      exact.put("GET " + path, handler);
      return this;
    }

    public Router post(String path, Handler handler) {
      exact.put("POST " + path, handler);
      return this;
    }

    /** {@code handler} for every method and path that starts with {@code prefix}. */
    public Router prefix(String prefix, Handler handler) {
      prefixes.add(Map.entry(prefix, handler));
      return this;
    }

    /** A header sent with every response, such as {@code X-Content-Type-Options}. */
    public Router header(String name, String value) {
      commonHeaders.put(name, value);
      return this;
    }

    /** How the 404 and 500 pages are laid out, such as with the app's navigation. */
    public Router errorPage(ErrorPage page) {
      this.errorPage = page;
      return this;
    }

    Handler find(String method, String path) {
      // HEAD is GET without the body, which dispatch leaves out.
      Handler handler = exact.get((method.equals("HEAD") ? "GET" : method) + " " + path);
      if (handler != null) {
        return handler;
      }
      for (Map.Entry<String, Handler> prefix : prefixes) {
        if (path.startsWith(prefix.getKey())) {
          return prefix.getValue();
        }
      }
      boolean otherMethod =
          exact.keySet().stream().anyMatch(key -> key.substring(key.indexOf(' ') + 1).equals(path));
      return request ->
          otherMethod
              ? Response.text(405, "method not allowed")
              : Response.html(
                  404,
                  errorPage.page(
                      request,
                      "Not found",
                      "<h1>Not found</h1><p>Nothing is served at "
                          + Html.escape(request.path())
                          + ".</p>"));
    }
  }

  /**
   * Lays out an error page, such as with a site's navigation; {@code body} is markup, already
   * escaped.
   */
  @FunctionalInterface
  public interface ErrorPage {
    String page(Request request, String title, String body);
  }

  private static String plainErrorPage(Request request, String title, String body) {
    return Html.page(title, "<main>" + body + "</main>");
  }

  /** A running server; {@link #close()} stops it. */
  public static final class Server implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    private Server(HttpServer server, ExecutorService executor) {
      this.server = server;
      this.executor = executor;
    }

    /** The port it listens on (the one chosen when it was asked for port 0). */
    public int port() {
      return server.getAddress().getPort();
    }

    /** {@code http://HOST:PORT} for the address it is bound to. */
    public String baseUrl() {
      return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    @Override
    public void close() {
      server.stop(0);
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Binds {@code address} (not yet serving) so that the caller can learn the port before it builds
   * its routes; then {@link #serve}.
   *
   * @throws UncheckedIOException naming the address when it cannot be bound
   */
  public static HttpServer bind(InetSocketAddress address, String what) {
    try {
      return HttpServer.create(address, 64);
    } catch (BindException e) {
      throw new UncheckedIOException(
          "cannot listen on "
              + address.getHostString()
              + ":"
              + address.getPort()
              + " for "
              + what
              + " ("
              + e.getMessage()
              + "); is the port in use? Choose another one",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + what + ": " + e.getMessage(), e);
    }
  }

  /** Starts serving {@code router} on a server from {@link #bind}. */
  public static Server serve(HttpServer server, Router router, String threadName) {
    ExecutorService executor =
        Executors.newFixedThreadPool(
            8,
            runnable -> {
              Thread thread = new Thread(runnable, threadName);
              thread.setDaemon(true);
              return thread;
            });
    server.createContext("/", exchange -> dispatch(exchange, router));
    server.setExecutor(executor);
    server.start();
    return new Server(server, executor);
  }

  private static void dispatch(HttpExchange exchange, Router router) {
    try (exchange) {
      Response response;
      Request request = new Request(exchange, "");
      try {
        if (!request.isForThisServer()) {
          // Before the body is read or a handler runs: see Request.isForThisServer.
          response = Response.text(421, "this server answers only at the address it listens on");
        } else {
          request = new Request(exchange, readBody(exchange.getRequestBody()));
          response = router.find(request.method(), request.path()).handle(request);
        }
      } catch (BodyTooLargeException e) {
        response = Response.text(413, "the request body is too large");
      } catch (Exception e) {
        LOG.log(
            Level.WARNING,
            "request failed: "
                + exchange.getRequestMethod()
                + " "
                + exchange.getRequestURI().getRawPath(),
            e);
        response = Response.html(500, errorPage(router, request));
      }
      router.commonHeaders.forEach(exchange.getResponseHeaders()::set);
      response.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      boolean head = exchange.getRequestMethod().equals("HEAD");
      byte[] body = response.body();
      exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
      if (!head && body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      // The browser went away; nothing to answer.
    }
  }

  /** The 500 page; laid out plainly if the router's layout itself fails. */
  private static String errorPage(Router router, Request request) {
    String body =
        "<h1>Something went wrong</h1><p>The server's log says what. Nothing about it is shown"
            + " here.</p>";
    try {
      return router.errorPage.page(request, "Error", body);
    } catch (RuntimeException e) {
      return plainErrorPage(request, "Error", body);
    }
  }

  private static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
  }

  private static String readBody(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw new BodyTooLargeException();
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Reads {@code a=1&b=2} leniently (as browsers write forms); the first of a repeated name counts.
   */
  public static Map<String, String> parseForm(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return fields;
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      fields.putIfAbsent(name, value);
    }
    return fields;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }

  /** A resource next to {@code anchor}'s package, or a 404 when there is none. */
  public static Response resource(Class<?> anchor, String name) throws IOException {
    if (!name.matches("[a-z0-9-]+\\.(js|css)")) {
      return Response.text(404, "not found");
    }
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        return Response.text(404, "not found");
      }
      String type =
          name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
      return new Response(200, type, in.readAllBytes(), Map.of("Cache-Control", "no-cache"));
    }
  }
}
