package dev.signet.omni.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A vendor's API played by a real HTTP server on a loopback port: it records every request it
 * receives, exactly as it arrived, and answers with what the test set, as the vendor would (a
 * token, or a status outside 2xx with a message).
 */
public final class VendorServer implements AutoCloseable {

  /** A request as the server received it; header names in lower case. */
  public record Received(
      String method, String path, String query, Map<String, List<String>> headers, String body) {

    /** The one value of header {@code name}, or null. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      if (values == null) {
        return null;
      }
      if (values.size() != 1) {
        throw new AssertionError("header " + name + " was sent " + values.size() + " times");
      }
      return values.get(0);
    }

    /** Everything received except the body: the request line and every header, as text. */
    public String everythingButTheBody() {
      return method + " " + path + (query == null ? "" : "?" + query) + "\n" + headers;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String answer = "{}";
  private volatile String contentType = "application/json";
  private volatile long delayMillis;

  private VendorServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A server on a free loopback port, answering 200 with {@code {}} until told otherwise. */
  public static VendorServer start() throws IOException {
    return new VendorServer();
  }

  /** {@code http://127.0.0.1:PORT}, the base URI to send to. */
  public URI baseUri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
  }

  /** Answers every request with {@code status} and the JSON {@code body}. */
  public VendorServer answer(int status, String body) {
    return answer(status, "application/json", body);
  }

  /** Answers every request with {@code status}, {@code contentType} and {@code body}. */
  public VendorServer answer(int status, String contentType, String body) {
    this.status = status;
    this.contentType = contentType;
    this.answer = body;
    return this;
  }

  /** Waits {@code millis} before answering. */
  public VendorServer delay(long millis) {
    this.delayMillis = millis;
    return this;
  }

  /** The requests received so far, in order. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The only request received so far. */
  public Received only() {
    if (received.size() != 1) {
      throw new AssertionError("expected one request, received " + received.size());
    }
    return received.get(0);
  }

  private void handle(HttpExchange exchange) {
    try {
      Map<String, List<String>> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              headers,
              body));
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException | RuntimeException e) {
      // The client gave up (a timeout test, say); nothing to answer.
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
