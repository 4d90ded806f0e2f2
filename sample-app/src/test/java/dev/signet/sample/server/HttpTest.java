package dev.signet.sample.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.sample.server.Http.Response;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The server layer's error pages, over loopback HTTP. */
class HttpTest {
  @Test
  void aFailingHandlerIsA500InTheRoutersLayoutThatShowsNothingOfTheFailure() throws Exception {
    Http.Router router =
        new Http.Router()
            .get("/ok", request -> Response.text(200, "ok"))
            .get(
                "/boom",
                request -> {
                  throw new IllegalStateException("a detail the page must not show");
                })
            .errorPage((request, title, body) -> "<nav>layout of " + title + "</nav>" + body);
    try (Http.Server server =
        Http.serve(
            Http.bind(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), "a test server"),
            router,
            "http-test")) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> boom =
          http.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + "/boom")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(500, boom.statusCode());
      assertTrue(
          boom.body().startsWith("<nav>layout of Error</nav><h1>Something went wrong</h1>"),
          boom.body());
      assertFalse(boom.body().contains("a detail"), boom.body());

      HttpResponse<String> missing =
          http.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + "/nowhere")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(404, missing.statusCode());
      assertTrue(missing.body().startsWith("<nav>layout of Not found</nav>"), missing.body());
    }
  }
}
