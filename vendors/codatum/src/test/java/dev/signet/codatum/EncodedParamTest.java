package dev.signet.codatum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.runtime.JsonParser;
import org.junit.jupiter.api.Test;

class EncodedParamTest {
  @Test
  void readsBackWhatItWrites() {
    for (EncodedParam param :
        new EncodedParam[] {
          new EncodedParam("p1", "\"west\"", false),
          new EncodedParam("p2", "42", true),
          new EncodedParam("p3", NotebookParamMapper.RESET_TO_DEFAULT, false)
        }) {
      assertEquals(param, EncodedParam.fromJson(JsonParser.parse(param.toJson())));
    }
  }

  @Test
  void refusesWhatIsNotAParameterNamingTheMember() {
    assertEquals(
        "param_value must be a string of JSON text",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    EncodedParam.fromJson(
                        JsonParser.parse("{\"param_id\":\"p\",\"param_value\":1}")))
            .getMessage());
    assertEquals(
        "extra is not a member of a parameter",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    EncodedParam.fromJson(
                        JsonParser.parse(
                            "{\"param_id\":\"p\",\"param_value\":\"1\",\"extra\":true}")))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> EncodedParam.fromJson("p"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            EncodedParam.fromJson(
                JsonParser.parse("{\"param_id\":\"p\",\"param_value\":\"1\",\"is_hidden\":1}")));
  }
}
