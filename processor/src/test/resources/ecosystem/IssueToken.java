package ecosystem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.annotations.Header;
import dev.signet.annotations.JsonRequest;
import dev.signet.annotations.Redacted;
import dev.signet.annotations.UrlEncodedJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In the spirit of Codatum's issueToken: a JSON body, a credential header, renamed members. */
@JsonRequest(method = "POST", path = "/api/notebook/issueToken")
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface IssueToken {
  @Header(value = "Authorization", prefix = "Bearer ")
  @Redacted
  String apiKey();

  @JsonProperty("api_secret")
  @Redacted
  String apiSecret();

  @JsonProperty("page_id")
  String pageId();

  @JsonProperty("params")
  List<Param> params();

  @JsonProperty("expires_in")
  Optional<Long> expiresIn();

  /** Retired by the vendor; still sent while it is set. */
  @Deprecated
  @JsonProperty("cache_max_age")
  Optional<Long> cacheMaxAge();

  @UrlEncodedJson
  Optional<Map<String, Level>> levels();

  /** One notebook parameter. */
  record Param(@JsonProperty("param_id") String id, @JsonProperty("param_value") String value) {}

  /** Levels, written by their names. */
  enum Level {
    LOW,
    HIGH
  }
}
