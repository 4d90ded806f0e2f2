package dev.signet.sample.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.sun.net.httpserver.HttpServer;
import dev.signet.codatum.EncodedParam;
import dev.signet.codatum.NotebookParamException;
import dev.signet.codatum.NotebookParamMapper;
import dev.signet.sample.server.Html;
import dev.signet.sample.server.Http;
import dev.signet.sample.server.Http.Request;
import dev.signet.sample.server.Http.Response;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Codatum: its token API and a notebook page that speaks the embed protocol.
 *
 * <ul>
 *   <li>{@code POST /api/notebook/issueToken} checks the API key and secret, that the key is
 *       permitted for the integration, the page and every param (its id and its value's datatype),
 *       and answers {@code {"token": JWT}}: HS256, signed with a key drawn when the stand-in
 *       starts, valid for {@code expires_in} seconds (one hour unless given). A refusal is a
 *       non-2xx answer with {@code {"message": ...}}, as Codatum's.
 *   <li>{@code GET /protected/workspace/WS/notebook/ID} is the notebook: it posts {@code
 *       READY_FOR_TOKEN} to its parent, takes the token from {@code SET_TOKEN} (or from {@code
 *       ?token=}), has this server check it, posts {@code CONTENT_READY}, shows the page's
 *       parameters, and posts {@code PARAM_CHANGED} and {@code EXECUTE_SQLS_TRIGGERED}.
 * </ul>
 */
public final class CodatumStandin implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ISSUER = "codatum-standin";
  private static final long DEFAULT_LIFETIME = 3600;
  private static final long MAX_LIFETIME = 24 * 3600;
  private static final String CHECK_PATH = "/standin/api/token-check";
  private static final String STATIC = "/standin/static/";

  /**
   * A published page of the integration and its externalized params (the definitions a host's
   * {@code @NotebookParams} class is generated with); {@code defaults} maps a param id to the JSON
   * the notebook shows when the token sets no value.
   */
  public record Page(
      String pageId,
      String title,
      List<NotebookParamMapper.Param> params,
      Map<String, String> defaults) {
    public Page {
      params = List.copyOf(params);
      defaults = Map.copyOf(defaults);
    }
  }

  /**
   * What the stand-in knows: one workspace's API keys (key to secret), the one integration it
   * serves, the keys permitted for it, and its published pages.
   */
  public record Settings(
      String workspaceId,
      String integrationId,
      Map<String, String> apiKeys,
      Set<String> permittedKeys,
      List<Page> pages) {
    public Settings {
      apiKeys = Map.copyOf(apiKeys);
      permittedKeys = Set.copyOf(permittedKeys);
      pages = List.copyOf(pages);
      if (!workspaceId.matches("[0-9a-f]{24}") || !integrationId.matches("[0-9a-f]{24}")) {
        throw new IllegalArgumentException(
            "workspace and integration ids are 24 lower-case hex digits");
      }
    }
  }

  private final Settings settings;
  private final Http.Server server;
  private final byte[] signingKey = new byte[32];
  private final AtomicInteger issued = new AtomicInteger();

  private CodatumStandin(HttpServer bound, Settings settings) {
    this.settings = settings;
    new SecureRandom().nextBytes(signingKey);
    Http.Router router =
        new Http.Router()
            .get("/", request -> Response.html(home()))
            .post("/api/notebook/issueToken", this::issueToken)
            .get(notebookPath(), this::notebook)
            .post(CHECK_PATH, this::checkToken)
            .prefix(
                STATIC,
                request ->
                    Http.resource(CodatumStandin.class, request.path().substring(STATIC.length())))
            .header("X-Content-Type-Options", "nosniff");
    this.server = Http.serve(bound, router, "codatum-standin");
  }

  /** Starts the stand-in on {@code address} and {@code port} (0 for any free port). */
  public static CodatumStandin start(InetAddress address, int port, Settings settings) {
    return new CodatumStandin(
        Http.bind(new InetSocketAddress(address, port), "the stand-in Codatum"), settings);
  }

  /** {@code http://127.0.0.1:PORT}: the API origin and the embed's origin. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** The integration's embed URL: the iframe's {@code src}. */
  public String embedUrl() {
    return baseUrl() + notebookPath();
  }

  /** How many tokens it has issued. */
  public int issuedTokens() {
    return issued.get();
  }

  private String notebookPath() {
    return "/protected/workspace/"
        + settings.workspaceId()
        + "/notebook/"
        + settings.integrationId();
  }

  // ---- POST /api/notebook/issueToken

  private Response issueToken(Request request) throws JOSEException {
    JsonNode body;
    try {
      body = JSON.readTree(request.body());
    } catch (JsonProcessingException e) {
      body = null;
    }
    if (body == null || !body.isObject()) {
      return refuse(400, "the body must be a JSON object");
    }
    for (String field :
        List.of("api_key", "api_secret", "integration_id", "page_id", "token_user_id")) {
      if (!body.path(field).isTextual() || body.path(field).asText().isEmpty()) {
        return refuse(400, field + " is required (a non-empty string)");
      }
    }
    String apiKey = body.get("api_key").asText();
    String secret = settings.apiKeys().get(apiKey);
    // Compared in constant time, and the same answer for an unknown key as for a wrong secret.
    byte[] expected = (secret == null ? "\0" : secret).getBytes(StandardCharsets.UTF_8);
    byte[] given = body.get("api_secret").asText().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, given) || secret == null) {
      return refuse(401, "the API key or the API secret is wrong");
    }
    String integrationId = body.get("integration_id").asText();
    if (!integrationId.equals(settings.integrationId())) {
      return refuse(404, "there is no integration " + integrationId);
    }
    if (!settings.permittedKeys().contains(apiKey)) {
      return refuse(403, "the API key is not among the integration's permitted API keys");
    }
    Page page = page(body.get("page_id").asText());
    if (page == null) {
      return refuse(404, "the integration has no published page " + body.get("page_id").asText());
    }
    JsonNode params = body.get("params");
    if (params == null || !params.isArray()) {
      return refuse(400, "params is required (an array, which may be empty)");
    }
    List<Map<String, Object>> checked = new ArrayList<>();
    for (JsonNode param : params) {
      String problem = checkParam(page, param);
      if (problem != null) {
        return refuse(400, problem);
      }
      Map<String, Object> claim = new LinkedHashMap<>();
      claim.put("param_id", param.get("param_id").asText());
      claim.put("param_value", param.get("param_value").asText());
      claim.put("is_hidden", param.path("is_hidden").asBoolean(false));
      checked.add(claim);
    }
    long lifetime = DEFAULT_LIFETIME;
    if (body.hasNonNull("expires_in")) {
      JsonNode expiresIn = body.get("expires_in");
      if (!expiresIn.canConvertToLong()
          || !expiresIn.isIntegralNumber()
          || expiresIn.asLong() < 1
          || expiresIn.asLong() > MAX_LIFETIME) {
        return refuse(
            400, "expires_in must be a whole number of seconds from 1 to " + MAX_LIFETIME);
      }
      lifetime = expiresIn.asLong();
    }
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(settings.integrationId())
            .subject(body.get("token_user_id").asText())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .claim("page_id", page.pageId())
            .claim("params", checked)
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(signingKey));
    issued.incrementAndGet();
    ObjectNode answer = JSON.createObjectNode().put("token", jwt.serialize());
    return Response.json(200, answer.toString());
  }

  /** Why {@code param} is refused for {@code page}, or null. */
  private static String checkParam(Page page, JsonNode param) {
    if (!param.isObject()
        || !param.path("param_id").isTextual()
        || !param.path("param_value").isTextual()) {
      return "each param is {\"param_id\": string, \"param_value\": string, \"is_hidden\"?: boolean}";
    }
    if (param.has("is_hidden") && !param.get("is_hidden").isBoolean()) {
      return "is_hidden must be a boolean";
    }
    String id = param.get("param_id").asText();
    NotebookParamMapper.Param definition =
        page.params().stream().filter(p -> p.paramId().equals(id)).findFirst().orElse(null);
    if (definition == null) {
      return "param " + id + " is not an externalized param of page " + page.pageId();
    }
    NotebookParamMapper.Param optional =
        new NotebookParamMapper.Param(definition.key(), id, definition.datatype(), false, false);
    try {
      NotebookParamMapper.of(List.of(optional))
          .decode(List.of(new EncodedParam(id, param.get("param_value").asText(), false)));
      return null;
    } catch (NotebookParamException e) {
      return e.getMessage();
    }
  }

  private Page page(String pageId) {
    return settings.pages().stream()
        .filter(p -> p.pageId().equals(pageId))
        .findFirst()
        .orElse(null);
  }

  private static Response refuse(int status, String message) {
    return Response.json(status, JSON.createObjectNode().put("message", message).toString());
  }

  // ---- the notebook

  private Response notebook(Request request) {
    return Response.html(
            Html.page(
                "Codatum notebook (stand-in)",
                "<link rel=\"stylesheet\" href=\"" + STATIC + "standin-notebook.css\">",
                "<main id=\"notebook\" data-check-url=\""
                    + CHECK_PATH
                    + "\">"
                    + "<p class=\"note\">Stand-in Codatum notebook at "
                    + Html.escape(baseUrl())
                    + " · integration "
                    + Html.escape(settings.integrationId())
                    + "</p>"
                    + "<h1 id=\"title\">Waiting for a token…</h1><div id=\"content\"></div></main>"
                    + "<script src=\""
                    + STATIC
                    + "standin-notebook.js\"></script>"))
        // Pattern 2 puts the token in this page's URL: keep it out of Referer headers and caches.
        .withHeader("Referrer-Policy", "no-referrer")
        .withHeader("Cache-Control", "no-store");
  }

  /** {@code POST {"token": JWT}}: the token's claims and its page's definitions, or a 401. */
  private Response checkToken(Request request) {
    String token;
    try {
      token = JSON.readTree(request.body()).path("token").asText("");
    } catch (JsonProcessingException e) {
      token = "";
    }
    JWTClaimsSet claims;
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
          || !jwt.verify(new MACVerifier(signingKey))) {
        return refuse(401, "the token's signature is not the stand-in's");
      }
      claims = jwt.getJWTClaimsSet();
      new DefaultJWTClaimsVerifier<>(
              settings.integrationId(),
              new JWTClaimsSet.Builder().issuer(ISSUER).build(),
              Set.of("sub", "exp", "iat", "page_id", "params"))
          .verify(claims, null);
    } catch (ParseException e) {
      return refuse(401, "the token is not a JWT");
    } catch (BadJWTException e) {
      return refuse(401, "the token is refused: " + e.getMessage());
    } catch (JOSEException e) {
      return refuse(401, "the token cannot be checked: " + e.getMessage());
    }
    Page page;
    try {
      page = page(Objects.toString(claims.getStringClaim("page_id")));
    } catch (ParseException e) {
      page = null;
    }
    if (page == null) {
      return refuse(401, "the token's page is not published");
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.put("user", claims.getSubject());
    answer.put("pageId", page.pageId());
    answer.put("title", page.title());
    answer.put("expiresAt", claims.getExpirationTime().toInstant().toString());
    answer.set("params", JSON.valueToTree(claims.getClaim("params")));
    ArrayNode definitions = answer.putArray("definitions");
    for (NotebookParamMapper.Param param : page.params()) {
      definitions
          .addObject()
          .put("id", param.paramId())
          .put("key", param.key())
          .put("datatype", param.datatype().name())
          .put("default", page.defaults().get(param.paramId()));
    }
    return Response.json(200, answer.toString());
  }

  private String home() {
    return Html.page(
        "Codatum (stand-in)",
        "<main><h1>Stand-in Codatum</h1><p>Token API: <code>POST "
            + Html.escape(baseUrl())
            + "/api/notebook/issueToken</code></p><p>Embed URL: <code>"
            + Html.escape(embedUrl())
            + "</code></p></main>");
  }

  @Override
  public void close() {
    server.close();
  }
}
