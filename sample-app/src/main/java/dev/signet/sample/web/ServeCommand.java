package dev.signet.sample.web;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: runs the host app, with stand-ins for the vendors the environment leaves out. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = dev.signet.sample.cli.Main.Version.class,
    description =
        "Runs the sample host app on http://127.0.0.1:PORT: an Omni dashboard, a Looker"
            + " dashboard, a Metabase dashboard and Codatum notebook pages, an embed URL builder"
            + " and an inspector. Without OMNI_*, LOOKER_*, METABASE_* or CODATUM_* environment"
            + " variables it starts local stand-ins for Omni, Looker, Metabase and Codatum on"
            + " ports of their own; with them, it uses the real vendors (see the project's"
            + " docs/sample-app.md).")
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "The host app's port (default ${DEFAULT-VALUE}; 0 for any free port).")
  int port;

  @Option(
      names = "--data-dir",
      defaultValue = "signet-data",
      description = "Where the H2 database file is kept (default ./${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--omni-standin-port",
      defaultValue = "0",
      description = "The stand-in Omni's port (default: any free port).")
  int omniStandinPort;

  @Option(
      names = "--codatum-standin-port",
      defaultValue = "0",
      description = "The stand-in Codatum's port (default: any free port).")
  int codatumStandinPort;

  @Option(
      names = "--looker-standin-port",
      defaultValue = "0",
      description = "The stand-in Looker's port (default: any free port).")
  int lookerStandinPort;

  @Option(
      names = "--metabase-standin-port",
      defaultValue = "0",
      description = "The stand-in Metabase's port (default: any free port).")
  int metabaseStandinPort;

  @Option(
      names = "--dev-tools",
      description =
          "Turn the embed URL builder and the inspector on when OMNI_* settings make the app sign"
              + " with the real Omni's secret (they are on with the stand-in); the builder then signs"
              + " with that secret only for the signed-in user. For an Omni organization used for"
              + " development.")
  boolean devTools;

  /** The environment; tests give their own. */
  Supplier<Map<String, String>> environment = System::getenv;

  /** Released to stop a running server; tests count it down. */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (int each :
        new int[] {
          port, omniStandinPort, codatumStandinPort, lookerStandinPort, metabaseStandinPort
        }) {
      if (each < 0 || each > 65535) {
        err.println("error: a port is a number from 0 to 65535, not " + each);
        return 2;
      }
    }
    VendorSettings settings;
    try {
      settings = VendorSettings.from(environment.get());
    } catch (VendorSettings.SettingsException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    SampleApp app;
    try {
      app =
          SampleApp.start(
              new SampleApp.Options(
                  port,
                  dataDir,
                  omniStandinPort,
                  codatumStandinPort,
                  lookerStandinPort,
                  metabaseStandinPort,
                  devTools),
              settings);
    } catch (UncheckedIOException | IllegalStateException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    Thread hook = new Thread(app::close, "signet-sample-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("Signet sample app: " + app.url() + "/");
    out.println(
        "  Omni:     "
            + app.omniStandinUrl()
                .map(url -> "stand-in at " + url)
                .orElse("the real Omni (OMNI_*)"));
    out.println(
        "  Looker:   "
            + app.lookerStandinUrl()
                .map(url -> "stand-in at " + url)
                .orElse("the real Looker (LOOKER_*)"));
    out.println(
        "  Metabase: "
            + app.metabaseStandinUrl()
                .map(url -> "stand-in at " + url)
                .orElse("the real Metabase (METABASE_*)"));
    out.println(
        "  Codatum:  "
            + app.codatumStandinUrl()
                .map(url -> "stand-in at " + url)
                .orElse("the real Codatum (CODATUM_*)"));
    out.println("  Data:     " + dataDir.toAbsolutePath().normalize());
    out.println("Press Ctrl+C to stop.");
    out.flush();
    try {
      stop.await();
    } finally {
      app.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running already.
      }
    }
    return 0;
  }
}
