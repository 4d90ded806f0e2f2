package dev.signet.sample.cli;

import dev.signet.sample.web.ServeCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code java -jar signet-sample.jar COMMAND}: the sample's commands. */
@Command(
    name = "signet-sample",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    subcommands = {OmniUrlCommand.class, ServeCommand.class},
    description =
        "Signet's sample: signed embed requests for Omni and other vendors (sign VENDOR), and a host app"
            + " that embeds Omni and Codatum.")
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line as {@link #main} runs it, errors reported by {@link #reportUsageError}. */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(Main.class);
    commandLine.addSubcommand("sign", SignCommand.commandLine());
    commandLine.setParameterExceptionHandler(Main::reportUsageError);
    return commandLine;
  }

  /** The version the build wrote into the jar, for {@code --version}. */
  public static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      try (InputStream in = Main.class.getResourceAsStream("version.txt")) {
        String version =
            in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        return new String[] {"signet-sample " + version};
      }
    }
  }

  /**
   * Reports a command line that cannot be parsed. An unknown argument is named only when it looks
   * like an option ({@code --...}, up to any {@code =}) and does not follow {@code --secret}:
   * anything else may be a secret, given to the wrong option or starting with {@code -}, so it is
   * given by its position alone.
   */
  static int reportUsageError(ParameterException error, String[] args) {
    CommandLine commandLine = error.getCommandLine();
    String message =
        error instanceof UnmatchedArgumentException unmatched
            ? unmatched(args, unmatched.getUnmatched(), commandLine.getCommandName())
            : error.getArgSpec() instanceof OptionSpec option
                ? "the value given to "
                    + option.longestName()
                    + " is not valid (expected "
                    + option.type().getSimpleName()
                    + ")"
                : error.getMessage();
    commandLine.getErr().println("error: " + message);
    commandLine.getErr().println("Run with --help to see the options.");
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static String unmatched(String[] args, List<String> unmatched, String command) {
    for (int i = 0; i < args.length; i++) {
      if (!unmatched.isEmpty() && args[i].equals(unmatched.get(0))) {
        boolean afterSecret = i > 0 && args[i - 1].equals("--secret");
        if (args[i].startsWith("--") && args[i].length() > 2 && !afterSecret) {
          int equals = args[i].indexOf('=');
          return "unknown option "
              + (equals < 0 ? args[i] : args[i].substring(0, equals))
              + " for "
              + command;
        }
        return "argument "
            + (i + 1)
            + " (counting from the first argument after the jar) is not"
            + " an option of "
            + command
            + "; it is not repeated here, since it may be a secret";
      }
    }
    return "an argument is not an option of " + command;
  }
}
