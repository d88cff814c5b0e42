package dk.mico.rightsdesk.system.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * A request whose body a filter has read already, handed on so that the webapp behind it can read the same body
 * once more. Only synchronous reading is offered: the webapps' resources read their bodies that way.
 */
final class RereadableRequest extends HttpServletRequestWrapper {

  private final byte[] body;
  private final Charset charset;

  RereadableRequest(HttpServletRequest request, byte[] body, Charset charset) {
    super(request);
    this.body = body;
    this.charset = charset;
  }

  /** The charset the body declares in its Content-Type, as the webapps' readers take it; UTF-8 by default. */
  static Charset charsetOf(HttpServletRequest request) {
    try {
      Charset declared = request.getContentType() == null ? null
          : MediaType.parseMediaType(request.getContentType()).getCharset();
      return declared == null ? StandardCharsets.UTF_8 : declared;
    } catch (IllegalArgumentException unreadable) {
      return StandardCharsets.UTF_8; // the webapp cannot read such a body either
    }
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream bytes = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return bytes.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return bytes.read(buffer, offset, length);
      }

      @Override
      public boolean isFinished() {
        return bytes.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new IllegalStateException("The body was read already; it can only be read synchronously");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }
}
