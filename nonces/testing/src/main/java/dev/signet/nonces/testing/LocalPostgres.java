package dev.signet.nonces.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's PostgreSQL on a free loopback port, with a cluster of its own made by {@code initdb} in
 * a temporary directory. TCP only (no Unix socket), password authentication for the one user {@link
 * #USER}, and durability traded for speed ({@code fsync=off}): it exists for tests. As root, the
 * server runs as the {@code postgres} user Debian's package creates, since PostgreSQL refuses to
 * run as root.
 */
public final class LocalPostgres extends LocalServer {
  public static final String USER = "signet";
  public static final String DATABASE = "postgres";
  private static final Path VERSIONS = Path.of("/usr/lib/postgresql");

  private final Path bin;
  private final Path data;
  private final boolean asPostgres;
  private final String password =
      "pw-" + Long.toHexString(new java.security.SecureRandom().nextLong());

  private LocalPostgres(Path directory, Path bin, boolean asPostgres) {
    super(directory);
    this.bin = bin;
    this.data = directory.resolve("data");
    this.asPostgres = asPostgres;
  }

  /** Installs postgresql when it is missing, makes a cluster and starts it. */
  public static LocalPostgres launch() {
    LocalServer.ensureInstalled(() -> binaries().isPresent(), "postgresql");
    boolean root = isRoot();
    LocalPostgres postgres =
        new LocalPostgres(temporaryDirectory("signet-postgres"), binaries().orElseThrow(), root);
    postgres.initdb();
    postgres.start();
    return postgres;
  }

  /** The newest installed version's {@code bin} directory with initdb and postgres in it. */
  private static Optional<Path> binaries() {
    if (!Files.isDirectory(VERSIONS)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(VERSIONS)) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(
              bin ->
                  Files.isExecutable(bin.resolve("initdb"))
                      && Files.isExecutable(bin.resolve("postgres")))
          .max(
              Comparator.comparingInt(
                  bin -> majorVersion(bin.getParent().getFileName().toString())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + VERSIONS, e);
    }
  }

  private static int majorVersion(String name) {
    return name.matches("\\d+") ? Integer.parseInt(name) : -1;
  }

  private void initdb() {
    try {
      Path passwordFile = directory.resolve("password");
      Files.writeString(passwordFile, password);
      if (asPostgres) {
        run(List.of("chown", "-R", "postgres:postgres", directory.toString()), 1);
      }
      run(
          as(
              bin.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              USER,
              "--pwfile=" + passwordFile,
              "--auth=scram-sha-256",
              "--encoding=UTF8",
              "--locale=C",
              "--no-sync"),
          5);
      Files.delete(passwordFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a cluster in " + data, e);
    }
  }

  /** {@code command} as the postgres user when this JVM is root, else as this user. */
  private List<String> as(String... command) {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(
          List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"));
    }
    full.addAll(List.of(command));
    return full;
  }

  /** {@code jdbc:postgresql://127.0.0.1:PORT/postgres}; the user and password are apart. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  public String password() {
    return password;
  }

  @Override
  List<String> command() {
    return as(
        bin.resolve("postgres").toString(),
        "-D",
        data.toString(),
        "-p",
        String.valueOf(port),
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "unix_socket_directories=",
        "-c",
        "fsync=off",
        "-c",
        "synchronous_commit=off",
        "-c",
        "full_page_writes=off",
        "-c",
        "max_connections=60");
  }

  @Override
  String stopSignal() {
    // SIGINT: PostgreSQL's fast shutdown, which ends open connections rather than waiting for them.
    return "INT";
  }

  @Override
  boolean answers() {
    try {
      run(
          List.of(
              bin.resolve("pg_isready").toString(),
              "-q",
              "-h",
              "127.0.0.1",
              "-p",
              String.valueOf(port)),
          1);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "PostgreSQL on 127.0.0.1:" + port;
  }
}
