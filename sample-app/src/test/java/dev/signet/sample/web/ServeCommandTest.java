package dev.signet.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code serve} command: it starts and stops, and a bad setting stops it before it starts. */
class ServeCommandTest {
  @TempDir Path temp;

  private record Run(
      CommandLine commandLine, ServeCommand command, StringWriter out, StringWriter err) {}

  private static Run command(Map<String, String> env) {
    ServeCommand command = new ServeCommand();
    command.environment = () -> env;
    CommandLine commandLine = new CommandLine(command);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return new Run(commandLine, command, out, err);
  }

  @Test
  void aMalformedSettingStopsStartUpAndIsNamed() {
    Run run = command(Map.of("OMNI_EMBED_SECRET", "s3cret"));
    int exit = run.commandLine().execute("--port", "0", "--data-dir", temp.toString());
    assertEquals(2, exit);
    assertTrue(run.err().toString().startsWith("error: OMNI_HOST: "), run.err().toString());
    assertTrue(run.out().toString().isEmpty());
  }

  @Test
  void startsWithStandinsAndServesTheHomePage() throws Exception {
    Run run = command(Map.of());
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                run.commandLine()
                    .execute("--port", "0", "--data-dir", temp.resolve("data").toString()));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Matcher url = Pattern.compile("Signet sample app: (http://127\\.0\\.0\\.1:\\d+)/").matcher("");
    // The banner is printed a line at a time: wait for its last line, not only its first.
    while (!url.reset(run.out().toString()).find()
        || !run.out().toString().contains("  Codatum:  ")) {
      assertTrue(
          System.nanoTime() < deadline && !exit.isDone(),
          "no start-up line: " + run.out() + run.err());
      Thread.sleep(50);
    }
    // Each vendor's line, its label padded so that the addresses line up.
    for (String label : List.of("Omni:     ", "Looker:   ", "Metabase: ", "Codatum:  ")) {
      assertTrue(
          run.out().toString().contains("  " + label + "stand-in at http://127.0.0.1:"),
          run.out().toString());
    }
    HttpResponse<String> home =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url.group(1) + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, home.statusCode());
    assertTrue(home.body().contains("Sign in as Blob Ross"));
    run.command().stop.countDown();
    assertEquals(0, exit.get());
  }

  @Test
  void aPortInUseIsReported() throws Exception {
    try (SampleApp first =
        SampleApp.start(
            new SampleApp.Options(0, temp.resolve("one"), 0, 0), VendorSettings.standins())) {
      int port = Integer.parseInt(first.url().substring(first.url().lastIndexOf(':') + 1));
      Run run = command(Map.of());
      int exit =
          run.commandLine()
              .execute(
                  "--port", String.valueOf(port), "--data-dir", temp.resolve("two").toString());
      assertEquals(1, exit);
      assertTrue(
          run.err().toString().contains("cannot listen on 127.0.0.1:" + port),
          run.err().toString());
    }
  }
}
