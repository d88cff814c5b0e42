package dk.mico.rightsdesk.system.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.core.io.ClassPathResource;

/**
 * A stylesheet that travels inside a document because the document is also read away from the app (the access
 * report is downloaded and printed). The pages' Content-Security-Policy allows exactly this text, by its hash, and
 * no other inline style.
 */
public record InlineStylesheet(String css) {

  /** Reads a stylesheet from the classpath, with line ends as a browser hashes them (the HTML parser drops CR). */
  public static InlineStylesheet read(String classpathLocation) {
    try {
      String css = new ClassPathResource(classpathLocation).getContentAsString(StandardCharsets.UTF_8);
      return new InlineStylesheet(css.replace("\r\n", "\n").replace('\r', '\n'));
    } catch (IOException e) {
      throw new UncheckedIOException("stylesheet " + classpathLocation + " is missing", e);
    }
  }

  /** The source expression that allows this stylesheet in a style-src directive. */
  String hashSource() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
