package dev.signet.sample.codatum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.codatum.CodatumMessage;
import dev.signet.codatum.DateRange;
import dev.signet.codatum.DisplayOptions;
import dev.signet.codatum.EncodedParam;
import dev.signet.codatum.IssuedToken;
import dev.signet.codatum.Jwts;
import dev.signet.codatum.ParamValue;
import dev.signet.codatum.SqlDisplay;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The postMessage protocol's messages, read and written by a plain Jackson mapper. */
class CodatumMessagesTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"READY_FOR_TOKEN\"}",
        "{\"type\":\"CONTENT_READY\"}",
        "{\"type\":\"EXECUTION_SUCCEEDED\"}",
        "{\"type\":\"EXECUTION_FAILED\",\"errorMessage\":\"column \\\"x\\\" does not exist\"}",
        "{\"type\":\"PARAM_CHANGED\",\"params\":[{\"param_id\":\"a\",\"param_value\":\"42\"},"
            + "{\"param_id\":\"b\",\"param_value\":\"_RESET_TO_DEFAULT_\",\"is_hidden\":true}]}",
        "{\"type\":\"EXECUTE_SQLS_TRIGGERED\",\"params\":[]}",
        "{\"type\":\"SET_TOKEN\",\"token\":\"t.o.k\"}",
        "{\"type\":\"SET_TOKEN\",\"token\":\"t.o.k\",\"params\":[{\"param_id\":\"a\","
            + "\"param_value\":\"true\"}],\"displayOptions\":{\"sqlDisplay\":\"RESULT_ONLY\","
            + "\"hideParamsForm\":true}}"
      })
  void roundTrips(String json) throws Exception {
    CodatumMessage message = JACKSON.readValue(json, CodatumMessage.class);
    assertEquals(JACKSON.readTree(json), JACKSON.readTree(JACKSON.writeValueAsString(message)));
    assertEquals(
        message, JACKSON.readValue(JACKSON.writeValueAsString(message), CodatumMessage.class));
  }

  @Test
  void readsEachTypeAsItsRecord() throws Exception {
    assertInstanceOf(
        CodatumMessage.ReadyForToken.class,
        JACKSON.readValue("{\"type\":\"READY_FOR_TOKEN\"}", CodatumMessage.class));
    CodatumMessage.ExecutionFailed failed =
        (CodatumMessage.ExecutionFailed)
            JACKSON.readValue(
                "{\"type\":\"EXECUTION_FAILED\",\"errorMessage\":\"boom\"}", CodatumMessage.class);
    assertEquals("boom", failed.errorMessage());
  }

  /** A host's server receives PARAM_CHANGED from its page and decodes the params it persists. */
  @Test
  void paramChangedDecodesIntoTheDeclaredParams() throws Exception {
    String forwarded =
        "{\"type\":\"PARAM_CHANGED\",\"params\":["
            + "{\"param_id\":\"66a1b2c3d4e5f60718293a4b\",\"param_value\":\"\\\"store_001\\\"\",\"is_hidden\":true},"
            + "{\"param_id\":\"66a1b2c3d4e5f60718293a4c\",\"param_value\":\"[\\\"2025-01-01\\\",\\\"2025-01-31\\\"]\"},"
            + "{\"param_id\":\"66a1b2c3d4e5f60718293a4f\",\"param_value\":\"12.5\"},"
            + "{\"param_id\":\"ffffffffffffffffffffffff\",\"param_value\":\"\\\"not ours\\\"\"}]}";
    CodatumMessage.ParamChanged changed =
        (CodatumMessage.ParamChanged) JACKSON.readValue(forwarded, CodatumMessage.class);

    SalesParams params = SignetSalesParams.decode(changed.params());

    assertEquals(
        new SalesParams(
            "store_001",
            ParamValue.of(DateRange.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31))),
            Optional.empty(),
            Optional.empty(),
            Optional.of(12.5),
            Optional.empty()),
        params);
  }

  @Test
  void setTokenCarriesEncodedParamsAndHidesTheTokenFromToString() throws Exception {
    IssuedToken token = IssuedToken.of(Jwts.expiringAt(1_893_456_000L));
    List<EncodedParam> params =
        SignetSalesParams.encode(
            new SalesParams(
                "store_001",
                ParamValue.absent(),
                Optional.empty(),
                Optional.of(LocalDate.of(2025, 3, 1)),
                Optional.empty(),
                Optional.empty()));
    CodatumMessage.SetToken setToken =
        new CodatumMessage.SetToken(
            token.token(), params, new DisplayOptions(SqlDisplay.HIDE, null, false));

    assertEquals(
        JACKSON.readTree(
            "{\"type\":\"SET_TOKEN\",\"token\":\""
                + token.token()
                + "\",\"params\":["
                + "{\"param_id\":\"66a1b2c3d4e5f60718293a4b\",\"param_value\":\"\\\"store_001\\\"\",\"is_hidden\":true},"
                + "{\"param_id\":\"66a1b2c3d4e5f60718293a4e\",\"param_value\":\"\\\"2025-03-01\\\"\"}],"
                + "\"displayOptions\":{\"sqlDisplay\":\"HIDE\",\"expandParamsFormByDefault\":false}}"),
        JACKSON.readTree(JACKSON.writeValueAsString(setToken)));
    assertFalse(setToken.toString().contains(token.token()), setToken.toString());
    assertEquals(
        "{\"type\":\"SET_TOKEN\",\"token\":\"" + token.token() + "\"}",
        JACKSON.writeValueAsString(CodatumMessage.SetToken.of(token)));
  }

  @Test
  void aParamWithoutItsStringsIsRefused() {
    assertThrows(
        JsonMappingException.class,
        () ->
            JACKSON.readValue(
                "{\"type\":\"PARAM_CHANGED\",\"params\":[{\"param_id\":\"a\",\"param_value\":42}]}",
                CodatumMessage.class));
  }

  @Test
  void anUnknownTypeIsRefused() {
    assertThrows(
        JsonMappingException.class,
        () -> JACKSON.readValue("{\"type\":\"SOMETHING_ELSE\"}", CodatumMessage.class));
  }
}
