package dev.signet.sample.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The command-line counterpart of Omni's URL builder. */
@Command(
    name = "omni-url",
    mixinStandardHelpOptions = true,
    description = {
      "Signs an Omni embed URL (login, or with --op redeem the two-step flow's redeem-session).",
      "With --jsonl, reads one JSON object per line on standard input, with the property names of",
      "Omni's SDK, and writes one line per object: the URL, or 'error: MESSAGE'."
    })
final class OmniUrlCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--jsonl", description = "Sign a stream of JSON Lines from standard input.")
  boolean jsonLines;

  @Option(names = "--op", description = "login (default) or redeem.")
  String op;

  @Option(
      names = "--secret",
      description = "The embed secret; defaults to the environment variable OMNI_EMBED_SECRET.")
  String secret;

  @Option(names = "--host", description = "A vanity host, such as analytics.example.com.")
  String host;

  @Option(names = "--organization", description = "The organization name: ORG.embed-omniapp.co.")
  String organizationName;

  @Option(names = "--port", description = "A port other than 443.")
  Integer port;

  @Option(names = "--nonce", description = "A 32-character nonce; drawn at random when absent.")
  String nonce;

  @Option(names = "--content-path", description = "/dashboards/ID, /w/ID/duplicate, /my, /entity-folder or /root.")
  String contentPath;

  @Option(names = "--external-id") String externalId;
  @Option(names = "--name") String name;
  @Option(names = "--session-id", description = "redeem: the session id from generate-session.")
  String sessionId;
  @Option(names = "--access-boost", arity = "1") Boolean accessBoost;
  @Option(names = "--branch") String branch;
  @Option(names = "--connection-roles", description = "JSON object.") String connectionRoles;
  @Option(names = "--custom-theme", description = "JSON object.") String customTheme;
  @Option(names = "--custom-theme-id") String customThemeId;
  @Option(names = "--email") String email;
  @Option(names = "--entity") String entity;
  @Option(names = "--entity-folder-content-role") String entityFolderContentRole;
  @Option(names = "--entity-folder-group-content-role") String entityFolderGroupContentRole;
  @Option(names = "--entity-folder-label") String entityFolderLabel;
  @Option(names = "--entity-group-label") String entityGroupLabel;
  @Option(names = "--filter-search-param", description = "Already URL-encoded, as in a dashboard URL.")
  String filterSearchParam;
  @Option(names = "--groups", description = "JSON array.") String groups;
  @Option(names = "--link-access") String linkAccess;
  @Option(names = "--mode") String mode;
  @Option(names = "--model-roles", description = "JSON object.") String modelRoles;
  @Option(names = "--prefers-dark") String prefersDark;
  @Option(names = "--preserve-entity-folder-content-role", arity = "1") Boolean preserveEntityFolderContentRole;
  @Option(names = "--theme") String theme;
  @Option(names = "--ui-settings", description = "JSON object.") String uiSettings;
  @Option(names = "--user-attributes", description = "JSON object.") String userAttributes;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (jsonLines) {
      signLines(out);
      return 0;
    }
    try {
      out.println(OmniCase.signedUrl(fromOptions()));
      return 0;
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
  }

  private void signLines(PrintWriter out) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.isBlank()) {
        out.println(signLine(line));
        out.flush();
      }
    }
  }

  /** The URL for one line, or {@code error: MESSAGE}; a bad line never stops the stream. */
  static String signLine(String line) {
    try {
      JsonNode request = JSON.readTree(line);
      if (!request.isObject()) {
        return "error: each line must be a JSON object";
      }
      return OmniCase.signedUrl((ObjectNode) request);
    } catch (JsonProcessingException e) {
      // Not Jackson's message: it quotes the offending text, which may be an unquoted secret.
      JsonLocation where = e.getLocation();
      return "error: the line is not JSON"
          + (where == null || where.getColumnNr() < 1 ? "" : " (column " + where.getColumnNr() + ")");
    } catch (IllegalArgumentException e) {
      return "error: " + e.getMessage();
    }
  }

  private ObjectNode fromOptions() {
    ObjectNode request = JSON.createObjectNode();
    request.put("op", op == null ? "login" : op);
    request.put("secret", secret != null ? secret : System.getenv("OMNI_EMBED_SECRET"));
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
      throw new IllegalArgumentException(
          name + ": is not valid JSON (column " + e.getLocation().getColumnNr() + ")");
    }
  }
}
