package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link SignatureFormat} against RFC 4648's test vectors and the JDK's own encoders. */
class SignatureFormatTest {

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** RFC 4648 §10; base64url differs from base64 only in padding for these. */
  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | '' | ''",
        "f | Zg== | 66",
        "fo | Zm8= | 666f",
        "foo | Zm9v | 666f6f",
        "foob | Zm9vYg== | 666f6f62",
        "fooba | Zm9vYmE= | 666f6f6261",
        "foobar | Zm9vYmFy | 666f6f626172",
      })
  void rfc4648Vectors(String input, String base64, String hex) {
    assertEquals(base64, SignatureFormat.BASE64.encode(ascii(input)));
    assertEquals(base64.replace("=", ""), SignatureFormat.BASE64URL_UNPADDED.encode(ascii(input)));
    assertEquals(hex, SignatureFormat.HEX.encode(ascii(input)));
  }

  @Test
  void base64urlUsesMinusAndUnderscoreAndHexIsLowerCase() {
    byte[] bytes = {(byte) 0xFB, (byte) 0xFF, (byte) 0xBF, (byte) 0xAB};
    assertEquals("-_-_qw", SignatureFormat.BASE64URL_UNPADDED.encode(bytes));
    assertEquals("+/+/qw==", SignatureFormat.BASE64.encode(bytes));
    assertEquals("fbffbfab", SignatureFormat.HEX.encode(bytes));
  }

  @Test
  void randomMacsAsTheJdkEncodesThem() {
    Random random = new Random(0x51CL);
    for (int i = 0; i < 2000; i++) {
      byte[] mac = new byte[random.nextInt(70)];
      random.nextBytes(mac);
      String url = SignatureFormat.BASE64URL_UNPADDED.encode(mac);
      String standard = SignatureFormat.BASE64.encode(mac);
      String hex = SignatureFormat.HEX.encode(mac);
      assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(mac), url);
      assertEquals(Base64.getEncoder().encodeToString(mac), standard);
      assertEquals(HexFormat.of().formatHex(mac), hex);
      // And back, with the decoders.
      assertArrayEquals(mac, Base64.getUrlDecoder().decode(url));
      assertArrayEquals(mac, Base64.getDecoder().decode(standard));
      assertArrayEquals(mac, HexFormat.of().parseHex(hex));
      assertTrue(url.indexOf('=') < 0 && url.indexOf('+') < 0 && url.indexOf('/') < 0, url);
      assertEquals(2 * mac.length, hex.length());
    }
  }

  /**
   * What a signed URL carries: the text, form-encoded as {@link FormEncoding} encodes any text; and
   * the text's own bytes.
   */
  @Test
  void formEncodedIsTheTextFormEncoded() {
    Random random = new Random(0xF0E4L);
    for (int i = 0; i < 2000; i++) {
      byte[] mac = new byte[random.nextInt(70)];
      random.nextBytes(mac);
      for (SignatureFormat format : SignatureFormat.values()) {
        StringBuilder expected = new StringBuilder();
        FormEncoding.append(expected, format.encode(mac));
        assertEquals(
            expected.toString(),
            new String(format.formEncoded(mac), StandardCharsets.US_ASCII),
            format.name());
        // What a verifier compares a received signature with: the text's bytes.
        assertEquals(
            format.encode(mac),
            new String(format.ascii(mac), StandardCharsets.US_ASCII),
            format.name());
      }
    }
    // Base64's + / = are escaped; base64url's - _ are not.
    byte[] bytes = {(byte) 0xFB, (byte) 0xFF, (byte) 0xBF, (byte) 0xAB};
    assertEquals(
        "%2B%2F%2B%2Fqw%3D%3D",
        new String(SignatureFormat.BASE64.formEncoded(bytes), StandardCharsets.US_ASCII));
    assertEquals(
        "-_-_qw",
        new String(
            SignatureFormat.BASE64URL_UNPADDED.formEncoded(bytes), StandardCharsets.US_ASCII));
  }

  @Test
  void signatureLengthsForEachAlgorithm() {
    // SHA-1, SHA-256, SHA-512: 20, 32 and 64 bytes.
    List<Integer> lengths = List.of(20, 32, 64);
    List<Integer> base64url = List.of(27, 43, 86);
    List<Integer> base64 = List.of(28, 44, 88);
    for (int i = 0; i < lengths.size(); i++) {
      byte[] mac = new byte[lengths.get(i)];
      assertEquals(base64url.get(i), SignatureFormat.BASE64URL_UNPADDED.encode(mac).length());
      assertEquals(base64.get(i), SignatureFormat.BASE64.encode(mac).length());
      assertEquals(2 * lengths.get(i), SignatureFormat.HEX.encode(mac).length());
    }
  }

  /** Written straight into a URL, base64url is what the JDK's encoder writes, at any offset. */
  @Test
  void writesBase64UrlAsTheJdkEncodes() {
    Random random = new Random(17);
    for (int length = 0; length <= 70; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      byte[] out = new byte[5 + SignatureFormat.base64UrlLength(length)];
      int end = SignatureFormat.writeBase64Url(bytes, out, 5);
      assertEquals(out.length, end);
      assertEquals(expected, new String(out, 5, end - 5, StandardCharsets.US_ASCII));
    }
  }
}
