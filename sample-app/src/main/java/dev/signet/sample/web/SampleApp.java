package dev.signet.sample.web;

import dev.signet.codatum.CodatumClient;
import dev.signet.codatum.CodatumEmbedUrl;
import dev.signet.codatum.NotebookParamMapper;
import dev.signet.metabase.MetabaseDashboard;
import dev.signet.omni.OmniContentPaths;
import dev.signet.runtime.Secret;
import dev.signet.sample.server.Http;
import dev.signet.sample.standin.CodatumStandin;
import dev.signet.sample.standin.LookerStandin;
import dev.signet.sample.standin.MetabaseStandin;
import dev.signet.sample.standin.OmniStandin;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sample app, running: the host application on its port, and a stand-in for each vendor the
 * settings leave out, each on a port of its own (another origin, as the real vendors are). All
 * listen on 127.0.0.1 only.
 */
public final class SampleApp implements AutoCloseable {
  /**
   * The stand-in Codatum's workspace and integration, fixed so that its embed URL stays the same.
   */
  static final String STANDIN_WORKSPACE = "66aa00000000000000000001";

  static final String STANDIN_INTEGRATION = "66bb00000000000000000002";

  /**
   * How long the stand-in Omni remembers a used nonce. Omni's URLs carry no time, so this is as
   * long as any URL could be replayed: a day, past which a demo's URLs are long gone.
   */
  static final Duration OMNI_NONCE_LIFE = Duration.ofDays(1);

  /** The models the stand-in Looker's users may query: Looker's own demo model's name. */
  static final List<String> LOOKER_STANDIN_MODELS = List.of("thelook");

  /** The dashboard the stand-in Metabase shows. */
  static final MetabaseDashboard METABASE_STANDIN_DASHBOARD = MetabaseDashboard.of(1);

  /**
   * Where the app listens and keeps its data.
   *
   * @param port the host app's port; 0 for any free one
   * @param omniStandinPort the stand-in Omni's port, when it runs; 0 for any free one
   * @param codatumStandinPort the stand-in Codatum's port, when it runs; 0 for any free one
   * @param lookerStandinPort the stand-in Looker's port, when it runs; 0 for any free one
   * @param metabaseStandinPort the stand-in Metabase's port, when it runs; 0 for any free one
   * @param devTools whether the embed URL builder and the inspector are on when the app signs with
   *     the real Omni's secret (with the stand-in's they always are)
   */
  public record Options(
      int port,
      Path dataDir,
      int omniStandinPort,
      int codatumStandinPort,
      int lookerStandinPort,
      int metabaseStandinPort,
      boolean devTools) {
    /** Options with the stand-in Metabase on any free port. */
    public Options(
        int port,
        Path dataDir,
        int omniStandinPort,
        int codatumStandinPort,
        int lookerStandinPort,
        boolean devTools) {
      this(port, dataDir, omniStandinPort, codatumStandinPort, lookerStandinPort, 0, devTools);
    }

    /** Options with the stand-ins Looker and Metabase on any free port. */
    public Options(
        int port, Path dataDir, int omniStandinPort, int codatumStandinPort, boolean devTools) {
      this(port, dataDir, omniStandinPort, codatumStandinPort, 0, 0, devTools);
    }

    /**
     * Options with the stand-ins Looker and Metabase on any free port and the tools off for the
     * real Omni.
     */
    public Options(int port, Path dataDir, int omniStandinPort, int codatumStandinPort) {
      this(port, dataDir, omniStandinPort, codatumStandinPort, 0, 0, false);
    }
  }

  private final Http.Server host;
  private final OmniStandin omniStandin;
  private final CodatumStandin codatumStandin;
  private final LookerStandin lookerStandin;
  private final MetabaseStandin metabaseStandin;
  private final List<AutoCloseable> resources;

  private SampleApp(
      Http.Server host,
      OmniStandin omniStandin,
      CodatumStandin codatumStandin,
      LookerStandin lookerStandin,
      MetabaseStandin metabaseStandin,
      List<AutoCloseable> resources) {
    this.host = host;
    this.omniStandin = omniStandin;
    this.codatumStandin = codatumStandin;
    this.lookerStandin = lookerStandin;
    this.metabaseStandin = metabaseStandin;
    this.resources = resources;
  }

  /**
   * Starts the app.
   *
   * @throws RuntimeException saying what could not start (a port in use, the database held by
   *     another process); whatever had started is stopped again
   */
  public static SampleApp start(Options options, VendorSettings settings) {
    InetAddress loopback = loopback();
    List<AutoCloseable> started = new ArrayList<>();
    try {
      Database database = Database.open(options.dataDir());
      started.add(database);

      OmniStandin omniStandin = null;
      OmniTarget omni;
      if (settings.omni().isPresent()) {
        VendorSettings.Omni real = settings.omni().get();
        omni = new OmniTarget(real.origin(), real.secret(), real.contentPath(), url -> url, false);
      } else {
        String secret = database.standinSecret("omni", () -> randomText(24));
        omniStandin =
            OmniStandin.start(
                loopback,
                options.omniStandinPort(),
                Secret.ofUtf8(secret),
                database.nonceStore("omni-standin-login", OMNI_NONCE_LIFE));
        started.add(omniStandin);
        omni =
            new OmniTarget(
                omniStandin.signingOrigin(),
                Secret.ofUtf8(secret),
                OmniContentPaths.dashboard("1a2b3c4d"),
                omniStandin::browserUrl,
                true);
      }

      LookerStandin lookerStandin = null;
      LookerTarget looker;
      if (settings.looker().isPresent()) {
        VendorSettings.Looker real = settings.looker().get();
        looker =
            new LookerTarget(
                real.origin(), real.secret(), real.target(), real.models(), url -> url, false);
      } else {
        String secret = database.standinSecret("looker", () -> randomText(24));
        lookerStandin =
            LookerStandin.start(
                loopback,
                options.lookerStandinPort(),
                Secret.ofUtf8(secret),
                database.nonceStore("looker-standin-login", LookerStandin.NONCE_LIFE),
                Clock.systemUTC());
        started.add(lookerStandin);
        looker =
            new LookerTarget(
                lookerStandin.signingOrigin(),
                Secret.ofUtf8(secret),
                VendorSettings.LOOKER_DEFAULT_TARGET,
                LOOKER_STANDIN_MODELS,
                lookerStandin::browserUrl,
                true);
      }

      MetabaseStandin metabaseStandin = null;
      MetabaseTarget metabase;
      if (settings.metabase().isPresent()) {
        VendorSettings.Metabase real = settings.metabase().get();
        metabase = new MetabaseTarget(real.siteUrl(), real.secret(), real.dashboard(), false);
      } else {
        // 64 hex digits, the shape of the key Metabase generates.
        String secret = database.standinSecret("metabase", () -> randomText(32));
        metabaseStandin =
            MetabaseStandin.start(
                loopback,
                options.metabaseStandinPort(),
                Secret.ofUtf8(secret),
                database.nonceStore("metabase-standin-embed", MetabaseStandin.NONCE_LIFE),
                Clock.systemUTC());
        started.add(metabaseStandin);
        metabase =
            new MetabaseTarget(
                metabaseStandin.siteUrl(), Secret.ofUtf8(secret), METABASE_STANDIN_DASHBOARD, true);
      }

      CodatumStandin codatumStandin = null;
      CodatumTarget codatum;
      Map<NotebookPage, String> pageIds = new EnumMap<>(NotebookPage.class);
      if (settings.codatum().isPresent()) {
        VendorSettings.Codatum real = settings.codatum().get();
        pageIds.put(NotebookPage.SALES, real.pageId());
        pageIds.put(NotebookPage.TRENDS, real.secondPageId());
        codatum =
            new CodatumTarget(
                CodatumClient.of(real.apiOrigin()),
                real.apiKey(),
                real.apiSecret(),
                real.embedUrl().integrationId(),
                real.embedUrl().toString(),
                CodatumEmbedUrl.ORIGIN,
                pageIds,
                false);
      } else {
        String apiKey = "ak_standin_" + randomText(12);
        String apiSecret = randomText(32);
        List<CodatumStandin.Page> pages = new ArrayList<>();
        for (NotebookPage page : NotebookPage.values()) {
          String pageId = "66cc0000000000000000000" + (page.ordinal() + 1);
          pageIds.put(page, pageId);
          List<NotebookParamMapper.Param> params = page.mapper().params();
          pages.add(new CodatumStandin.Page(pageId, page.title(), params, page.standinDefaults()));
        }
        codatumStandin =
            CodatumStandin.start(
                loopback,
                options.codatumStandinPort(),
                new CodatumStandin.Settings(
                    STANDIN_WORKSPACE,
                    STANDIN_INTEGRATION,
                    Map.of(apiKey, apiSecret),
                    Set.of(apiKey),
                    pages));
        started.add(codatumStandin);
        codatum =
            new CodatumTarget(
                CodatumClient.of(URI.create(codatumStandin.baseUrl())),
                apiKey,
                apiSecret,
                STANDIN_INTEGRATION,
                codatumStandin.embedUrl(),
                codatumStandin.baseUrl(),
                pageIds,
                true);
      }

      Http.Server host =
          new HostServer(database, omni, codatum, looker, metabase, options.devTools())
              .start(new InetSocketAddress(loopback, options.port()));
      started.add(host);
      return new SampleApp(
          host, omniStandin, codatumStandin, lookerStandin, metabaseStandin, started);
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  /** {@code http://127.0.0.1:PORT}: the host app. */
  public String url() {
    return host.baseUrl();
  }

  /** The stand-in Omni's address, when it runs. */
  public Optional<String> omniStandinUrl() {
    return Optional.ofNullable(omniStandin).map(OmniStandin::baseUrl);
  }

  /** The stand-in Looker's address, when it runs. */
  public Optional<String> lookerStandinUrl() {
    return Optional.ofNullable(lookerStandin).map(LookerStandin::baseUrl);
  }

  /** The stand-in Metabase's address, when it runs. */
  public Optional<String> metabaseStandinUrl() {
    return Optional.ofNullable(metabaseStandin).map(MetabaseStandin::baseUrl);
  }

  /** The stand-in Codatum's address, when it runs. */
  public Optional<String> codatumStandinUrl() {
    return Optional.ofNullable(codatumStandin).map(CodatumStandin::baseUrl);
  }

  /** How many tokens the stand-in Codatum has issued (0 when the real Codatum is used). */
  public int standinTokensIssued() {
    return codatumStandin == null ? 0 : codatumStandin.issuedTokens();
  }

  @Override
  public void close() {
    closeAll(resources);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    List<AutoCloseable> reversed = new ArrayList<>(resources);
    Collections.reverse(reversed);
    for (AutoCloseable resource : reversed) {
      try {
        resource.close();
      } catch (Exception e) {
        // Stopping: keep stopping the rest.
      }
    }
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomText(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
