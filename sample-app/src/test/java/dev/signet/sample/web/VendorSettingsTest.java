package dev.signet.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.metabase.MetabaseDashboard;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Settings from the environment: stand-ins by default, the real vendors when set, and errors that
 * name the variable.
 */
class VendorSettingsTest {
  private static final String EMBED_URL =
      "https://app.codatum.com/protected/workspace/66a1b2c3d4e5f60718293a4b/notebook/66a1b2c3d4e5f60718293aff";

  private static String error(Map<String, String> env) {
    return assertThrows(VendorSettings.SettingsException.class, () -> VendorSettings.from(env))
        .getMessage();
  }

  private static Map<String, String> codatum() {
    Map<String, String> env = new HashMap<>();
    env.put("CODATUM_API_KEY", "ak_1");
    env.put("CODATUM_API_SECRET", "sk_secret_1");
    env.put("CODATUM_EMBED_URL", EMBED_URL);
    env.put("CODATUM_PAGE_ID", "page-1");
    return env;
  }

  @Test
  void noVendorVariablesMeansEveryStandin() {
    VendorSettings settings = VendorSettings.from(Map.of("PATH", "/usr/bin", "HOME", "/root"));
    assertTrue(settings.omni().isEmpty());
    assertTrue(settings.looker().isEmpty());
    assertTrue(settings.metabase().isEmpty());
    assertTrue(settings.codatum().isEmpty());
  }

  @Test
  void realOmniByOrganizationOrHost() {
    VendorSettings.Omni omni =
        VendorSettings.from(Map.of("OMNI_EMBED_SECRET", "s3cret", "OMNI_ORGANIZATION", "acme"))
            .omni()
            .orElseThrow();
    assertEquals("https://acme.embed-omniapp.co", omni.origin().toString());
    assertEquals("/my", omni.contentPath());
    VendorSettings.Omni vanity =
        VendorSettings.from(
                Map.of(
                    "OMNI_EMBED_SECRET",
                    "s3cret",
                    "OMNI_HOST",
                    "analytics.example.com",
                    "OMNI_PORT",
                    "8443",
                    "OMNI_CONTENT_PATH",
                    "/dashboards/1a2b3c4d"))
            .omni()
            .orElseThrow();
    assertEquals("https://analytics.example.com:8443", vanity.origin().toString());
    assertEquals("/dashboards/1a2b3c4d", vanity.contentPath());
  }

  @Test
  void omniErrorsNameTheVariable() {
    assertTrue(
        error(Map.of("OMNI_ORGANIZATION", "acme"))
            .startsWith("OMNI_EMBED_SECRET: is not set, but OMNI_ORGANIZATION is"));
    assertTrue(error(Map.of("OMNI_EMBED_SECRET", "s")).startsWith("OMNI_HOST: set OMNI_HOST"));
    assertTrue(
        error(
                Map.of(
                    "OMNI_EMBED_SECRET",
                    "s",
                    "OMNI_HOST",
                    "a.example.com",
                    "OMNI_ORGANIZATION",
                    "acme"))
            .startsWith("OMNI_HOST: set OMNI_HOST or OMNI_ORGANIZATION, not both"));
    assertTrue(
        error(Map.of("OMNI_EMBED_SECRET", "s", "OMNI_ORGANIZATION", "acme", "OMNI_PORT", "https"))
            .startsWith("OMNI_PORT: "));
    assertTrue(
        error(Map.of("OMNI_EMBED_SECRET", "s", "OMNI_ORGANIZATION", "acme", "OMNI_PORT", "70000"))
            .startsWith("OMNI_PORT: "));
    assertTrue(
        error(Map.of("OMNI_EMBED_SECRET", "s", "OMNI_ORGANIZATION", "acme.embed-omniapp.co"))
            .startsWith("OMNI_ORGANIZATION: "));
    assertTrue(
        error(Map.of("OMNI_EMBED_SECRET", "s", "OMNI_HOST", "https://a.example.com"))
            .startsWith("OMNI_HOST: "));
    assertTrue(
        error(
                Map.of(
                    "OMNI_EMBED_SECRET",
                    "s",
                    "OMNI_ORGANIZATION",
                    "acme",
                    "OMNI_CONTENT_PATH",
                    "/dashboards/"))
            .startsWith("OMNI_CONTENT_PATH: "));
    assertTrue(
        error(Map.of("OMNI_EMBED_SECRET", "", "OMNI_ORGANIZATION", "acme"))
            .startsWith("OMNI_EMBED_SECRET: is set but empty"));
  }

  private static Map<String, String> looker() {
    Map<String, String> env = new HashMap<>();
    env.put("LOOKER_EMBED_SECRET", "looker-secret-1");
    env.put("LOOKER_HOST", "mycompany.looker.com");
    env.put("LOOKER_MODELS", "thelook");
    return env;
  }

  @Test
  void realLooker() {
    VendorSettings.Looker looker = VendorSettings.from(looker()).looker().orElseThrow();
    assertEquals("https://mycompany.looker.com", looker.origin().toString());
    assertEquals("/embed/dashboards/1", looker.target());
    assertEquals(List.of("thelook"), looker.models());
    assertFalse(looker.toString().contains("looker-secret-1"), looker.toString());
    assertTrue(VendorSettings.from(looker()).omni().isEmpty());
    Map<String, String> env = looker();
    env.put("LOOKER_HOST", "analytics.example.com:9999");
    env.put("LOOKER_MODELS", "sales, marketing");
    env.put("LOOKER_TARGET", "/embed/looks/7");
    looker = VendorSettings.from(env).looker().orElseThrow();
    assertEquals("https://analytics.example.com:9999", looker.origin().toString());
    assertEquals(List.of("sales", "marketing"), looker.models());
    assertEquals("/embed/looks/7", looker.target());
  }

  @Test
  void lookerErrorsNameTheVariable() {
    for (String variable : new String[] {"LOOKER_EMBED_SECRET", "LOOKER_HOST", "LOOKER_MODELS"}) {
      Map<String, String> env = looker();
      env.remove(variable);
      assertTrue(error(env).startsWith(variable + ": is not set"), variable);
    }
    Map<String, String> env = looker();
    env.put("LOOKER_HOST", "https://mycompany.looker.com");
    assertTrue(error(env).startsWith("LOOKER_HOST: "), error(env));
    env.put("LOOKER_HOST", "mycompany.looker.com:https");
    assertTrue(error(env).startsWith("LOOKER_HOST: "), error(env));
    env = looker();
    env.put("LOOKER_MODELS", "thelook,,hr");
    assertTrue(error(env).startsWith("LOOKER_MODELS: "), error(env));
    env = looker();
    env.put("LOOKER_TARGET", "/dashboards/1");
    assertTrue(error(env).startsWith("LOOKER_TARGET: "), error(env));
    env = looker();
    env.put("LOOKER_EMBED_SECRET", " looker-secret-1 ");
    assertTrue(error(env).startsWith("LOOKER_EMBED_SECRET: "), error(env));
    assertFalse(error(env).contains("looker-secret-1"), error(env));
  }

  private static final String METABASE_KEY =
      "5b1e0c9d4f7a2e38aa01c0ffee5b1e0c9d4f7a2e38aa01c0ffee5b1e0c9d4f7a";

  private static Map<String, String> metabase() {
    Map<String, String> env = new HashMap<>();
    env.put("METABASE_SITE_URL", "https://metabase.example.com");
    env.put("METABASE_SECRET_KEY", METABASE_KEY);
    return env;
  }

  @Test
  void realMetabase() {
    VendorSettings.Metabase metabase = VendorSettings.from(metabase()).metabase().orElseThrow();
    assertEquals("https://metabase.example.com", metabase.siteUrl().toString());
    assertEquals(MetabaseDashboard.of(1), metabase.dashboard());
    assertFalse(metabase.toString().contains(METABASE_KEY), metabase.toString());
    assertTrue(VendorSettings.from(metabase()).looker().isEmpty());
    Map<String, String> env = metabase();
    // A site served under a path keeps it; the one trailing slash goes.
    env.put("METABASE_SITE_URL", "https://example.com/metabase/");
    env.put("METABASE_DASHBOARD", "704");
    metabase = VendorSettings.from(env).metabase().orElseThrow();
    assertEquals("https://example.com/metabase", metabase.siteUrl().toString());
    assertEquals(MetabaseDashboard.of(704), metabase.dashboard());
    env.put("METABASE_DASHBOARD", "abcdefghij0123456789_");
    assertEquals(
        MetabaseDashboard.ofEntityId("abcdefghij0123456789_"),
        VendorSettings.from(env).metabase().orElseThrow().dashboard());
  }

  @Test
  void metabaseErrorsNameTheVariable() {
    for (String variable : new String[] {"METABASE_SITE_URL", "METABASE_SECRET_KEY"}) {
      Map<String, String> env = metabase();
      env.remove(variable);
      assertTrue(error(env).startsWith(variable + ": is not set"), error(env));
    }
    assertTrue(
        error(Map.of("METABASE_DASHBOARD", "7"))
            .startsWith("METABASE_SITE_URL: is not set, but METABASE_DASHBOARD is"));
    for (String site :
        new String[] {
          "metabase.example.com", "ftp://metabase.example.com", "https://example.com/?x=1"
        }) {
      Map<String, String> env = metabase();
      env.put("METABASE_SITE_URL", site);
      assertTrue(error(env).startsWith("METABASE_SITE_URL: must be the instance's URL"), site);
    }
    for (String dashboard : new String[] {"0", "-3", "12a", "99999999999999999999", "short"}) {
      Map<String, String> env = metabase();
      env.put("METABASE_DASHBOARD", dashboard);
      assertTrue(
          error(env).startsWith("METABASE_DASHBOARD: must be the dashboard's id"), dashboard);
    }
    Map<String, String> env = metabase();
    env.put("METABASE_SECRET_KEY", " " + METABASE_KEY);
    assertTrue(error(env).startsWith("METABASE_SECRET_KEY: "), error(env));
    assertFalse(error(env).contains(METABASE_KEY), error(env));
  }

  @Test
  void realCodatum() {
    Map<String, String> env = codatum();
    VendorSettings.Codatum codatum = VendorSettings.from(env).codatum().orElseThrow();
    assertEquals("66a1b2c3d4e5f60718293aff", codatum.embedUrl().integrationId());
    assertEquals("page-1", codatum.secondPageId());
    assertEquals(URI.create("https://api.codatum.com"), codatum.apiOrigin());
    assertFalse(codatum.toString().contains("sk_secret_1"));
    env.put("CODATUM_API_ORIGIN", "http://127.0.0.1:9000");
    env.put("CODATUM_SECOND_PAGE_ID", "page-2");
    codatum = VendorSettings.from(env).codatum().orElseThrow();
    assertEquals(URI.create("http://127.0.0.1:9000"), codatum.apiOrigin());
    assertEquals("page-2", codatum.secondPageId());
  }

  @Test
  void codatumErrorsNameTheVariable() {
    for (String variable :
        new String[] {
          "CODATUM_API_KEY", "CODATUM_API_SECRET", "CODATUM_EMBED_URL", "CODATUM_PAGE_ID"
        }) {
      Map<String, String> env = codatum();
      env.remove(variable);
      assertTrue(error(env).startsWith(variable + ": is not set"), variable);
    }
    Map<String, String> env = codatum();
    env.put("CODATUM_EMBED_URL", "https://app.codatum.com/protected/workspace/1/notebook/2");
    assertTrue(error(env).startsWith("CODATUM_EMBED_URL: must have the path"));
    env = codatum();
    env.put("CODATUM_API_ORIGIN", "https://api.codatum.com/api");
    assertTrue(error(env).startsWith("CODATUM_API_ORIGIN: "));
    env = codatum();
    env.put("CODATUM_API_SECRET", " sk ");
    assertTrue(error(env).startsWith("CODATUM_API_SECRET: "));
    assertFalse(error(env).contains(" sk "));
  }
}
