package dev.signet.codatum;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Objects;

/**
 * The messages of Codatum's postMessage protocol, as a Jackson mapper reads and writes them: for
 * hosts whose page forwards the iframe's messages to their server, to persist the parameters a user
 * changed or share them across integrations, and for servers that prepare {@code SET_TOKEN}. Each
 * is a JSON object whose {@code type} names it.
 *
 * <p>The page must still check, in the browser, that a message's {@code event.origin} is {@link
 * CodatumEmbedUrl#ORIGIN}, and post {@code SET_TOKEN} to that origin only, never to {@code *}.
 * Decode the params of {@link ParamChanged} and {@link ExecuteSqlsTriggered} with the class
 * generated from a {@code @NotebookParams} record, which checks them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = CodatumMessage.ReadyForToken.class, name = "READY_FOR_TOKEN"),
  @JsonSubTypes.Type(value = CodatumMessage.SetToken.class, name = "SET_TOKEN"),
  @JsonSubTypes.Type(value = CodatumMessage.ContentReady.class, name = "CONTENT_READY"),
  @JsonSubTypes.Type(value = CodatumMessage.ParamChanged.class, name = "PARAM_CHANGED"),
  @JsonSubTypes.Type(
      value = CodatumMessage.ExecuteSqlsTriggered.class,
      name = "EXECUTE_SQLS_TRIGGERED"),
  @JsonSubTypes.Type(value = CodatumMessage.ExecutionSucceeded.class, name = "EXECUTION_SUCCEEDED"),
  @JsonSubTypes.Type(value = CodatumMessage.ExecutionFailed.class, name = "EXECUTION_FAILED")
})
public sealed interface CodatumMessage {

  /** From the iframe: it is ready for {@link SetToken}. */
  record ReadyForToken() implements CodatumMessage {}

  /**
   * To the iframe: the token, and optionally params and display options. {@link #toString()} leaves
   * the token out.
   *
   * @param params null to leave the notebook's parameters as the token set them
   * @param displayOptions null for the notebook's own settings
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SetToken(
      String token,
      @JsonSerialize(contentUsing = EncodedParamJackson.Serializer.class)
          @JsonDeserialize(contentUsing = EncodedParamJackson.Deserializer.class)
          List<EncodedParam> params,
      DisplayOptions displayOptions)
      implements CodatumMessage {

    public SetToken {
      Objects.requireNonNull(token, "token");
      params = params == null ? null : List.copyOf(params);
    }

    /** {@code SET_TOKEN} with {@code token} alone. */
    public static SetToken of(IssuedToken token) {
      return new SetToken(token.token(), null, null);
    }

    @Override
    public String toString() {
      return "SetToken[token=[redacted], params="
          + params
          + ", displayOptions="
          + displayOptions
          + "]";
    }
  }

  /** From the iframe: the notebook is shown. */
  record ContentReady() implements CodatumMessage {}

  /** From the iframe: the user changed a parameter; {@code params} holds them all. */
  record ParamChanged(
      @JsonSerialize(contentUsing = EncodedParamJackson.Serializer.class)
          @JsonDeserialize(contentUsing = EncodedParamJackson.Deserializer.class)
          List<EncodedParam> params)
      implements CodatumMessage {

    public ParamChanged {
      params = List.copyOf(Objects.requireNonNull(params, "params"));
    }
  }

  /** From the iframe: the user ran all of the notebook, with {@code params}. */
  record ExecuteSqlsTriggered(
      @JsonSerialize(contentUsing = EncodedParamJackson.Serializer.class)
          @JsonDeserialize(contentUsing = EncodedParamJackson.Deserializer.class)
          List<EncodedParam> params)
      implements CodatumMessage {

    public ExecuteSqlsTriggered {
      params = List.copyOf(Objects.requireNonNull(params, "params"));
    }
  }

  /** From the iframe: the run finished. */
  record ExecutionSucceeded() implements CodatumMessage {}

  /** From the iframe: the run failed, saying why. */
  record ExecutionFailed(String errorMessage) implements CodatumMessage {}
}
