package dev.signet.nonces.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's {@code redis-server} on a free loopback port, with its data (an append-only file, so a
 * restart keeps the keys) in a temporary directory. The default user is off; the only user is
 * {@link #USER}, with a password drawn for each server. {@code DEBUG} is enabled for loopback
 * clients, so a test can make the server slow ({@code DEBUG SLEEP}).
 */
public final class LocalRedis extends LocalServer {
  public static final String USER = "signet";
  private static final Path PROGRAM = Path.of("/usr/bin/redis-server");

  private static final Path OPENSSL = Path.of("/usr/bin/openssl");

  private final String password =
      "pw-" + Long.toHexString(new java.security.SecureRandom().nextLong());

  /** The TLS port, or 0 when the server has none. */
  private final int tlsPort;

  private LocalRedis(Path directory, boolean tls) {
    super(directory);
    this.tlsPort = tls ? freePort() : 0;
  }

  /** Installs redis-server when it is missing, and starts one. */
  public static LocalRedis launch() {
    ensureInstalled(() -> Files.isExecutable(PROGRAM), "redis-server");
    LocalRedis redis = new LocalRedis(temporaryDirectory("signet-redis"), false);
    redis.start();
    return redis;
  }

  /**
   * As {@link #launch()}, with a TLS port besides: its certificate, {@link #certificate()}, is
   * self-signed for the address 127.0.0.1 alone, made with openssl (installed when missing).
   */
  public static LocalRedis launchWithTls() {
    ensureInstalled(() -> Files.isExecutable(PROGRAM), "redis-server");
    ensureInstalled(() -> Files.isExecutable(OPENSSL), "openssl");
    LocalRedis redis = new LocalRedis(temporaryDirectory("signet-redis"), true);
    run(
        List.of(
            OPENSSL.toString(),
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            redis.directory.resolve("key.pem").toString(),
            "-out",
            redis.certificate().toString()),
        2);
    redis.start();
    return redis;
  }

  /** The TLS certificate, PEM, when the server has a TLS port. */
  public Path certificate() {
    return directory.resolve("certificate.pem");
  }

  /** The TLS port's URI, {@code rediss://signet:PASSWORD@HOST:TLS_PORT}, for {@code host}. */
  public URI tlsUri(String host) {
    if (tlsPort == 0) {
      throw new IllegalStateException(this + " has no TLS port");
    }
    return URI.create("rediss://" + USER + ":" + password + "@" + host + ":" + tlsPort);
  }

  /** {@code redis://signet:PASSWORD@127.0.0.1:PORT}. */
  public URI uri() {
    return URI.create("redis://" + USER + ":" + password + "@127.0.0.1:" + port);
  }

  public String password() {
    return password;
  }

  @Override
  List<String> command() {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                PROGRAM.toString(),
                "--port",
                String.valueOf(port),
                // ::1 too when the machine has it ("-": optional), so that "localhost" reaches it
                // either way.
                "--bind",
                "127.0.0.1",
                "-::1",
                "--dir",
                directory.toString(),
                "--save",
                "",
                "--appendonly",
                "yes",
                "--appendfsync",
                "everysec",
                "--enable-debug-command",
                "local",
                "--user",
                "default",
                "off",
                "--user",
                USER,
                "on",
                ">" + password,
                "~*",
                "&*",
                "+@all"));
    if (tlsPort != 0) {
      command.addAll(
          List.of(
              "--tls-port", String.valueOf(tlsPort),
              "--tls-cert-file", certificate().toString(),
              "--tls-key-file", directory.resolve("key.pem").toString(),
              "--tls-auth-clients", "no"));
    }
    return command;
  }

  @Override
  String stopSignal() {
    // SIGTERM: Redis flushes its append-only file and exits.
    return "TERM";
  }

  @Override
  boolean answers() {
    return command("PING", 1000).equals("+PONG");
  }

  /**
   * Sends one command as the test user on a connection of its own and returns the first line of the
   * answer, or {@code "timeout"} when none comes within {@code timeoutMillis}.
   */
  public String command(String command, int timeoutMillis) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("AUTH " + USER + " " + password + "\r\n" + command + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String auth = line(in);
      if (!auth.equals("+OK")) {
        return auth;
      }
      return line(in);
    } catch (java.net.SocketTimeoutException e) {
      return "timeout";
    } catch (IOException e) {
      return "error: " + e.getMessage();
    }
  }

  /**
   * Sends {@code command} on a connection of its own without waiting for the answer, and returns
   * that connection, which the caller closes; for commands that keep the server busy.
   */
  public Socket send(String command) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket
        .getOutputStream()
        .write(
            ("AUTH " + USER + " " + password + "\r\n" + command + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
    return socket;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return "closed";
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  @Override
  public String toString() {
    return "redis-server on 127.0.0.1:" + port;
  }
}
