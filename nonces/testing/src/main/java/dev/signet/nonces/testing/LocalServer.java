package dev.signet.nonces.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server program run on a loopback port for tests, which can be stopped and started again on the
 * same port and data. It runs under a small shell wrapper that stops it when this JVM's end of its
 * standard input closes, so a JVM that dies without running its shutdown hooks does not leave the
 * server behind; a shutdown hook stops it otherwise.
 */
abstract class LocalServer implements AutoCloseable {
  private static final long START_LIMIT_MILLIS = 60_000;
  private static final long STOP_LIMIT_MILLIS = 30_000;
  private static final Set<LocalServer> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.forEach(LocalServer::stop), "local-servers-stop"));
  }

  /**
   * Runs the server, and on the end of its input sends it {@code $1}; the wrapper ends when the
   * server does. The server's own input is /dev/null.
   */
  private static final String WRAPPER =
      "exec 3<&0; sig=$1; shift; \"$@\" </dev/null & server=$!;"
          + " { cat <&3 >/dev/null; kill -s \"$sig\" \"$server\" 2>/dev/null; } &"
          + " wait \"$server\"";

  final Path directory;
  final int port;
  private final Path log;
  private Process wrapper;

  LocalServer(Path directory) {
    this.directory = directory;
    this.port = freePort();
    this.log = directory.resolve("server.log");
  }

  /** The command that runs the server in the foreground. */
  abstract List<String> command();

  /** The signal that stops it quickly and cleanly. */
  abstract String stopSignal();

  /** Whether it answers, asked once; false while it starts. */
  abstract boolean answers();

  /** Starts the server on its port, and returns once it answers. */
  public final synchronized void start() {
    if (wrapper != null) {
      throw new IllegalStateException(this + " is running");
    }
    List<String> command =
        new ArrayList<>(List.of("bash", "-c", WRAPPER, "local-server", stopSignal()));
    command.addAll(command());
    try {
      wrapper =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    RUNNING.add(this);
    long deadline = System.currentTimeMillis() + START_LIMIT_MILLIS;
    while (!(portOpen() && answers())) {
      if (!wrapper.isAlive()) {
        Process ended = wrapper;
        wrapper = null;
        RUNNING.remove(this);
        throw new IllegalStateException(
            this
                + " exited with "
                + ended.exitValue()
                + " as it started; the end of "
                + log
                + ":\n"
                + logTail());
      }
      if (System.currentTimeMillis() > deadline) {
        stop();
        throw new IllegalStateException(
            this + " did not answer within a minute; the end of " + log + ":\n" + logTail());
      }
      pause();
    }
  }

  /** Stops the server and waits for it to exit; its data stays for {@link #start()}. */
  public final synchronized void stop() {
    if (wrapper == null) {
      return;
    }
    try {
      wrapper.getOutputStream().close();
      if (!wrapper.waitFor(STOP_LIMIT_MILLIS, TimeUnit.MILLISECONDS)) {
        wrapper.descendants().forEach(ProcessHandle::destroyForcibly);
        wrapper.destroyForcibly().waitFor(STOP_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (IOException e) {
      wrapper.descendants().forEach(ProcessHandle::destroyForcibly);
      wrapper.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      wrapper = null;
      RUNNING.remove(this);
    }
    // The wrapper has ended once the server has: a new server may take the port now.
  }

  /** Whether the server is running, as far as this object knows. */
  public final synchronized boolean running() {
    return wrapper != null && wrapper.isAlive();
  }

  /** The loopback port. */
  public final int port() {
    return port;
  }

  /** Stops the server and deletes its directory. */
  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }

  private boolean portOpen() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(" + log + " cannot be read: " + e.getMessage() + ")";
    }
  }

  /** The wait between two looks at a starting server. */
  static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A loopback port nothing listens on now. */
  public static int freeLoopbackPort() {
    return freePort();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  static Path temporaryDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
  }

  /** Runs {@code command}, and fails with its output unless it exits 0 within {@code minutes}. */
  static String run(List<String> command, long minutes) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output;
      try (InputStream in = process.getInputStream()) {
        output = in.readAllBytes();
      }
      if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            command.get(0) + " took longer than " + minutes + " minutes");
      }
      String text = new String(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command.subList(0, Math.min(3, command.size())))
                + " exited with "
                + process.exitValue()
                + ":\n"
                + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static boolean isRoot() {
    return run(List.of("id", "-u"), 1).trim().equals("0");
  }

  /**
   * Installs Debian's {@code packages} with the bundled {@code install-servers.sh} when {@code
   * present} says a program is missing; its output goes to {@code install.log} in the temporary
   * directory, and is shown when it fails.
   */
  static synchronized void ensureInstalled(
      java.util.function.BooleanSupplier present, String... packages) {
    if (present.getAsBoolean()) {
      return;
    }
    if (!isRoot()) {
      throw new IllegalStateException(
          "These tests need Debian's "
              + String.join(" and ", packages)
              + ", and installing them takes root."
              + " Install them with: sudo apt-get update && sudo apt-get install -y "
              + String.join(" ", packages));
    }
    String script;
    try (InputStream in = LocalServer.class.getResourceAsStream("install-servers.sh")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read install-servers.sh", e);
    }
    System.out.println(
        "[local-servers] installing Debian's " + String.join(", ", packages) + " (apt-get)");
    List<String> command = new ArrayList<>(List.of("bash", "-c", script, "install-servers.sh"));
    command.addAll(List.of(packages));
    run(command, 15);
    if (!present.getAsBoolean()) {
      throw new IllegalStateException(
          "installed " + String.join(", ", packages) + ", but a program is still missing");
    }
  }
}
