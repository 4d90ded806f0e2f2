package golden;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.annotations.Header;
import dev.signet.annotations.JsonRequest;
import dev.signet.annotations.Redacted;
import dev.signet.annotations.UrlEncodedJson;
import dev.signet.annotations.WireValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON request with a credential in a header and one in the body, names from Jackson, each
 * inclusion rule, a number JSON may refuse, an enum, nested containers and URL-encoded JSON.
 */
@JsonRequest(method = "PUT", path = "/api/v1/tokens")
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface TokenRequest {
  @Header(value = "Authorization", prefix = "Bearer ")
  @Redacted
  String apiKey();

  @Header("X-Request-Id")
  Optional<String> requestId();

  @JsonProperty("api_secret")
  @Redacted
  String apiSecret();

  @JsonProperty("user_id")
  String userId();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<String> groups();

  @JsonInclude(JsonInclude.Include.ALWAYS)
  Optional<String> note();

  Optional<Long> expiresIn();

  double ratio();

  Optional<Boolean> flag();

  Optional<Role> role();

  @UrlEncodedJson
  Optional<Map<String, Double>> weights();

  Map<String, List<Integer>> limits();

  /** How the token may be used. */
  enum Role {
    @WireValue("viewer")
    VIEWER,
    @WireValue("editor")
    EDITOR
  }
}
