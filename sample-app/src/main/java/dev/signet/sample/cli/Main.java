package dev.signet.sample.cli;

import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code java -jar signet-sample.jar COMMAND}: the sample's commands. */
@Command(
    name = "signet-sample",
    mixinStandardHelpOptions = true,
    subcommands = {OmniUrlCommand.class},
    description = "Signet's sample: signed embed requests for Omni.")
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setParameterExceptionHandler(Main::reportUsageError);
    System.exit(commandLine.execute(args));
  }

  /**
   * Reports a command line that cannot be parsed. An unknown option's arguments are not repeated:
   * after a mistyped {@code --secret} the next argument is the secret itself.
   */
  static int reportUsageError(ParameterException error, String[] args) {
    CommandLine commandLine = error.getCommandLine();
    String message =
        error instanceof UnmatchedArgumentException unmatched
            ? "unknown option "
                + unmatched.getUnmatched().stream()
                    .filter(argument -> argument.startsWith("-"))
                    .map(argument -> argument.replaceFirst("=.*", ""))
                    .collect(Collectors.joining(", "))
            : error.getMessage();
    commandLine.getErr().println("error: " + message);
    commandLine.getErr().println("Run with --help to see the options.");
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }
}
