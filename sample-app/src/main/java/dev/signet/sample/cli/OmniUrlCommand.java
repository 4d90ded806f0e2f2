package dev.signet.sample.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.runtime.InvalidParameterException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The command-line counterpart of Omni's URL builder. */
@Command(
    name = "omni-url",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Signs an Omni embed URL: the one-step login, or with --op redeem the two-step flow's"
          + " redeem-session URL. With --jsonl, signs one request per line of standard input.",
      "",
      "Each option but --jsonl takes one value; JSON values are given as JSON text, such as"
          + " --user-attributes '{\"region\":\"west\"}'. Refused values are reported as"
          + " 'error: --OPTION: RULE' with exit code 1.",
      ""
    })
final class OmniUrlCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET_VARIABLE = "OMNI_EMBED_SECRET";

  @Spec CommandSpec spec;

  /** The environment; tests give their own. */
  Supplier<Map<String, String>> environment = System::getenv;

  @Option(
      names = "--jsonl",
      description =
          "Read one JSON object per line from standard input, with the property names of Omni's"
              + " SDK (contentPath, externalId, organizationName, sessionToken, ...) plus \"op\""
              + " (login or redeem), and write one line for every line read: the URL, or"
              + " 'error: MESSAGE'. A line without \"secret\" is signed with --secret or"
              + " OMNI_EMBED_SECRET.")
  boolean jsonLines;

  @Option(names = "--op", paramLabel = "OP", description = "login (the default) or redeem.")
  String op;

  @Option(
      names = "--secret",
      paramLabel = "SECRET",
      description =
          "The embed secret; defaults to the environment variable OMNI_EMBED_SECRET. It must not"
              + " be empty or only spaces, and is never printed.")
  String secret;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "A vanity host, such as analytics.example.com; give it or --organization.")
  String host;

  @Option(
      names = "--organization",
      paramLabel = "ORG",
      description = "The organization's name, for ORG.embed-omniapp.co; give it or --host.")
  String organizationName;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "A port other than 443, from 1 to 65535.")
  Integer port;

  @Option(
      names = "--nonce",
      paramLabel = "NONCE",
      description = "32 characters of 0-9, A-Z and a-z; drawn at random when absent.")
  String nonce;

  @Option(
      names = "--content-path",
      paramLabel = "PATH",
      description =
          "login, required: what to open, one of /dashboards/ID, /embed/dashboards/ID,"
              + " /w/ID/duplicate, /my, /entity-folder or /root (an ID is letters, digits, - and _).")
  String contentPath;

  @Option(
      names = "--external-id",
      paramLabel = "ID",
      description = "login, required: your stable id for the user.")
  String externalId;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "login, required: the user's display name.")
  String name;

  @Option(
      names = "--session-id",
      paramLabel = "ID",
      description = "redeem, required: the session id that generate-session answered with.")
  String sessionId;

  @Option(
      names = "--access-boost",
      arity = "1",
      paramLabel = "BOOL",
      description =
          "true or false: grant the connection's highest query permission for this content.")
  Boolean accessBoost;

  @Option(
      names = "--branch",
      paramLabel = "BRANCH",
      description = "The name of a model branch to use.")
  String branch;

  @Option(
      names = "--connection-roles",
      paramLabel = "JSON",
      description =
          "A JSON object of connection id to role: RESTRICTED_QUERIER, VIEWER, QUERIER or a custom"
              + " role's name.")
  String connectionRoles;

  @Option(
      names = "--custom-theme",
      paramLabel = "JSON",
      description = "A JSON object of theme property (such as dashboard-background) to CSS value.")
  String customTheme;

  @Option(names = "--custom-theme-id", paramLabel = "ID", description = "The id of a custom theme.")
  String customThemeId;

  @Option(names = "--email", paramLabel = "EMAIL", description = "The user's email address.")
  String email;

  @Option(
      names = "--entity",
      paramLabel = "ENTITY",
      description = "The customer the user belongs to.")
  String entity;

  @Option(
      names = "--entity-folder-content-role",
      paramLabel = "ROLE",
      description = "The user's role on the entity's folder: MANAGER, EDITOR, VIEWER or NO_ACCESS.")
  String entityFolderContentRole;

  @Option(
      names = "--entity-folder-group-content-role",
      paramLabel = "ROLE",
      description =
          "The role of the entity's group on the entity's folder: MANAGER, EDITOR, VIEWER or"
              + " NO_ACCESS.")
  String entityFolderGroupContentRole;

  @Option(
      names = "--entity-folder-label",
      paramLabel = "LABEL",
      description = "The name shown for the entity's folder.")
  String entityFolderLabel;

  @Option(
      names = "--entity-group-label",
      paramLabel = "LABEL",
      description = "The name shown for the entity's group.")
  String entityGroupLabel;

  @Option(
      names = "--filter-search-param",
      paramLabel = "QUERY",
      description =
          "A dashboard's filters, exactly as they appear (URL-encoded) in the dashboard's URL.")
  String filterSearchParam;

  @Option(names = "--groups", paramLabel = "JSON", description = "A JSON array of group names.")
  String groups;

  @Option(
      names = "--link-access",
      paramLabel = "ACCESS",
      description = "__omni_link_access_open, or a comma-separated list of dashboard ids.")
  String linkAccess;

  @Option(names = "--mode", paramLabel = "MODE", description = "APPLICATION or SINGLE_CONTENT.")
  String mode;

  @Option(
      names = "--model-roles",
      paramLabel = "JSON",
      description = "A JSON object of model id to role.")
  String modelRoles;

  @Option(names = "--prefers-dark", paramLabel = "DARK", description = "true, false or system.")
  String prefersDark;

  @Option(
      names = "--preserve-entity-folder-content-role",
      arity = "1",
      paramLabel = "BOOL",
      description = "true or false: keep a role on the entity's folder that was changed in Omni.")
  Boolean preserveEntityFolderContentRole;

  @Option(names = "--theme", paramLabel = "THEME", description = "vibes, dawn, breeze or blank.")
  String theme;

  @Option(
      names = "--ui-settings",
      paramLabel = "JSON",
      description = "A JSON object: {\"showNavigation\": true or false}.")
  String uiSettings;

  @Option(
      names = "--user-attributes",
      paramLabel = "JSON",
      description = "A JSON object of attribute name to a string, a number, or a list of them.")
  String userAttributes;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (jsonLines) {
      String defaultSecret = defaultSecret();
      JsonLines.answerEach(System.in, out, request -> signLine(request, defaultSecret));
      return 0;
    }
    try {
      out.println(OmniCase.signedUrl(fromOptions()));
      return 0;
    } catch (InvalidParameterException e) {
      spec.commandLine().getErr().println("error: " + withFlagName(e));
      return 1;
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
  }

  /** The secret for what names none: {@code --secret}, else the environment's. */
  private String defaultSecret() {
    return secret != null ? secret : environment.get().get(SECRET_VARIABLE);
  }

  /** The URL for one line's request, signed with the default secret when it names none. */
  private static String signLine(ObjectNode request, String defaultSecret) {
    if (defaultSecret != null && !request.hasNonNull("secret")) {
      request.put("secret", defaultSecret);
    }
    return OmniCase.signedUrl(request);
  }

  /** The refusal of a request property, told with the option that sets it. */
  private static String withFlagName(InvalidParameterException e) {
    String property = e.parameter();
    String problem = e.getMessage().substring(property.length() + 2);
    return flag(property) + ": " + problem;
  }

  /** The option that sets the request property {@code property}. */
  static String flag(String property) {
    switch (property) {
      case "organizationName":
        return "--organization";
      case "sessionToken":
        return "--session-id";
      default:
        StringBuilder flag = new StringBuilder("--");
        for (char c : property.toCharArray()) {
          if (Character.isUpperCase(c)) {
            flag.append('-').append(Character.toLowerCase(c));
          } else {
            flag.append(c);
          }
        }
        return flag.toString();
    }
  }

  private ObjectNode fromOptions() {
    for (OptionSpec option : spec.options()) {
      if (option.getValue() instanceof String value && value.indexOf('\uFFFD') >= 0) {
        // The JVM reads arguments in the platform's encoding and puts U+FFFD where bytes are
        // not UTF-8: what was meant cannot be known, so nothing is signed.
        throw new IllegalArgumentException(
            option.longestName()
                + ": is not valid UTF-8 (or holds U+FFFD, the replacement"
                + " character); give the value as UTF-8 text");
      }
    }
    boolean hasHost = host != null && !host.isEmpty();
    boolean hasOrganization = organizationName != null && !organizationName.isEmpty();
    if (hasHost == hasOrganization) {
      throw new IllegalArgumentException(
          hasHost
              ? "--host: give either --host or --organization, not both"
              : "--host: give either --host (a vanity host) or --organization");
    }
    String secretText = defaultSecret();
    if (secretText == null || secretText.isBlank()) {
      throw new IllegalArgumentException(
          "--secret: is required and must not be empty or only spaces (give --secret or set "
              + SECRET_VARIABLE
              + ")");
    }
    ObjectNode request = JSON.createObjectNode();
    request.put("op", op == null ? "login" : op);
    request.put("secret", secretText);
    request.put("host", host);
    request.put("organizationName", organizationName);
    request.put("port", port);
    request.put("nonce", nonce);
    request.put("branch", branch);
    request.put("prefersDark", prefersDark);
    request.put("theme", theme);
    if ("redeem".equals(op)) {
      request.put("sessionToken", sessionId);
      return request;
    }
    request.put("contentPath", contentPath);
    request.put("externalId", externalId);
    request.put("name", name);
    request.put("accessBoost", accessBoost);
    request.put("customThemeId", customThemeId);
    request.put("email", email);
    request.put("entity", entity);
    request.put("entityFolderContentRole", entityFolderContentRole);
    request.put("entityFolderGroupContentRole", entityFolderGroupContentRole);
    request.put("entityFolderLabel", entityFolderLabel);
    request.put("entityGroupLabel", entityGroupLabel);
    request.put("filterSearchParam", filterSearchParam);
    request.put("linkAccess", linkAccess);
    request.put("mode", mode);
    request.put("preserveEntityFolderContentRole", preserveEntityFolderContentRole);
    putJson(request, "connectionRoles", connectionRoles);
    putJson(request, "customTheme", customTheme);
    putJson(request, "groups", groups);
    putJson(request, "modelRoles", modelRoles);
    putJson(request, "uiSettings", uiSettings);
    putJson(request, "userAttributes", userAttributes);
    return request;
  }

  private static void putJson(ObjectNode request, String name, String json) {
    if (json == null) {
      return;
    }
    try {
      request.set(name, JSON.readTree(json));
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the text, which could be a secret given to the wrong option.
      throw new InvalidParameterException(
          name, "is not valid JSON (column " + e.getLocation().getColumnNr() + ")");
    }
  }
}
