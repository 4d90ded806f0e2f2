package dev.signet.sample.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, driven by Debian's chromedriver. When either is missing, {@link
 * #ensureInstalled()} installs both with {@code src/test/browser/install-chromium.sh} (apt-get, as
 * root); no browser or driver is ever downloaded from elsewhere, and Selenium is given both paths
 * so that Selenium Manager never runs. Not root and not installed: the tests fail, saying how to
 * install them.
 */
final class Chromium {
  static final Path BROWSER = Path.of(System.getProperty("signet.chromium", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("signet.chromedriver", "/usr/bin/chromedriver"));
  private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
  private static final Path SCRIPT = BASEDIR.resolve("src/test/browser/install-chromium.sh");
  private static final Duration INSTALL_LIMIT = Duration.ofMinutes(15);

  private Chromium() {}

  static boolean installed() {
    return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
  }

  /** Installs Chromium and chromedriver from Debian's packages when they are missing. */
  static synchronized void ensureInstalled() throws IOException, InterruptedException {
    if (installed()) {
      return;
    }
    if (!isRoot()) {
      fail(
          "The browser tests need "
              + BROWSER
              + " and "
              + DRIVER
              + ", and installing them takes root."
              + " Install them with: sudo apt-get update && sudo apt-get install -y chromium chromium-driver"
              + " (or give their paths with -Dsignet.chromium=... -Dsignet.chromedriver=...)");
    }
    Path log = BASEDIR.resolve("target/chromium-install.log");
    Files.createDirectories(log.getParent());
    System.out.println(
        "[e2e] "
            + BROWSER
            + " or "
            + DRIVER
            + " is missing: installing Debian's chromium"
            + " and chromium-driver with "
            + SCRIPT
            + " (log: "
            + log
            + ")");
    Process install =
        new ProcessBuilder("bash", SCRIPT.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!install.waitFor(INSTALL_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
      install.destroyForcibly();
      fail(
          "Installing Chromium took longer than "
              + INSTALL_LIMIT.toMinutes()
              + " minutes; see "
              + log);
    }
    if (install.exitValue() != 0 || !installed()) {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      fail(
          "Installing Chromium failed (exit "
              + install.exitValue()
              + "); the end of "
              + log
              + ":\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
    }
    System.out.println("[e2e] installed " + BROWSER + " and " + DRIVER);
  }

  private static boolean isRoot() throws IOException, InterruptedException {
    Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
    String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    id.waitFor();
    return uid.equals("0");
  }

  /**
   * A headless Chromium with a fresh profile in {@code profile}, its driver logging under target/.
   */
  static ChromeDriver start(Path profile) {
    Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--window-size=1280,1400",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(BASEDIR.resolve("target/chromedriver.log").toFile())
            .build();
    return new ChromeDriver(service, options);
  }
}
