package dev.signet.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void nullSecretsAreSkippedWhereverTheyStand() {
    String text = "key abc, secret abcdef";
    String expected = "key [redacted], secret [redacted]";
    assertEquals(expected, Redaction.redact(text, null, "abc", "abcdef"));
    assertEquals(expected, Redaction.redact(text, "abc", null, "abcdef"));
    assertEquals(expected, Redaction.redact(text, "abc", "abcdef", null));
    assertEquals(expected, Redaction.redact(text, null, "abcdef", null, "abc", null));
    assertEquals(text, Redaction.redact(text, null, null));
  }

  @Test
  void aSecretInsideALongerOneDoesNotLeaveTheRestBehind() {
    // Whatever the order the secrets are given in.
    assertEquals("[redacted]-[redacted]", Redaction.redact("token123-token", "token", "token123"));
    assertEquals("[redacted]-[redacted]", Redaction.redact("token123-token", "token123", "token"));
  }

  @Test
  void textWithoutSecretsIsUnchanged() {
    assertSame("plain", Redaction.redact("plain"));
    assertEquals("plain", Redaction.redact("plain", "", "other"));
    assertNull(Redaction.redact(null, (String) null));
    assertEquals("[redacted][redacted]", Redaction.redact("xx", "x"));
  }
}
