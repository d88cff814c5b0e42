package dk.mico.rightsdesk.inbox;

import static dk.mico.rightsdesk.request.TextRules.FREE_TEXT;
import static dk.mico.rightsdesk.request.TextRules.SINGLE_LINE;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads an e-mail of the GDPR mailbox into what the officer's screen shows: sender, arrival time, subject, the text
 * (plain text preferred, HTML turned into text), and its attachments by name, type and size, never opened. A
 * message that cannot be read as MIME (a broken structure, an unknown charset) still gives its raw source as text.
 * Characters the request record refuses (NUL, control and text-direction characters) are left out, so that every
 * e-mail can be stored (PostgreSQL takes no NUL) and its text can become a request's details.
 */
@Component
class EmailParser {

  /** More text than an officer reads on a screen; the rest stays in the mailbox. */
  static final int MAX_TEXT = 100_000;

  /** The Message-IDs our letters carry (MailGateway): the letter's key, which starts with its request's reference. */
  private static final Pattern OUR_MESSAGE_ID = Pattern.compile("<DSR-\\d{4}-\\d{5}[^<>@\\s]*@rightsdesk>");

  private final Clock clock;

  EmailParser(Clock clock) {
    this.clock = clock;
  }

  /** The key that makes one e-mail one task: its Message-ID, or a hash of its raw source where it has none. */
  static String messageKey(Message message) throws MessagingException {
    String[] ids = message.getHeader("Message-ID");
    if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
      String id = ids[0].strip();
      return id.length() <= 1000 ? id : "sha256:" + sha256(id.getBytes(StandardCharsets.UTF_8));
    }
    return "sha256:" + sha256(raw(message));
  }

  ReceivedEmail parse(Message message, String messageKey, long uid, long uidValidity) throws MessagingException {
    java.util.Date arrived = message.getReceivedDate();
    java.time.Instant receivedAt = arrived != null ? arrived.toInstant() : clock.instant();
    InternetAddress sender = sender(message);
    String senderEmail = sender == null ? null : limit(sender.getAddress().toLowerCase(Locale.ROOT), 320);
    String senderName = sender == null || sender.getPersonal() == null
        || SINGLE_LINE.withoutRefused(sender.getPersonal()).isBlank()
        ? null : limit(SINGLE_LINE.withoutRefused(sender.getPersonal()).strip(), 200);
    String subject = subject(message);
    boolean automatic = automatic(message);
    String repliesTo = limit(headers(message, "In-Reply-To") + " " + headers(message, "References")
        + (automatic ? " " + ourMessageIds(message) : ""), 4000);
    try {
      Body body = new Body();
      read(message, body);
      return new ReceivedEmail(messageKey, uid, uidValidity, receivedAt, senderEmail, senderName, subject,
          limit(FREE_TEXT.withoutRefused(body.text()), MAX_TEXT),
          limit(FREE_TEXT.withoutRefused(String.join("\n", body.attachments)), 4000), true, repliesTo, automatic);
    } catch (MessagingException | IOException | RuntimeException unreadable) {
      String rawText = new String(raw(message), StandardCharsets.ISO_8859_1);
      return new ReceivedEmail(messageKey, uid, uidValidity, receivedAt, senderEmail, senderName, subject,
          limit(FREE_TEXT.withoutRefused(rawText), MAX_TEXT), null, false, repliesTo, automatic);
    }
  }

  /**
   * An auto-reply (Auto-Submitted other than "no", RFC 3834; Precedence auto_reply) or a delivery status
   * notification (multipart/report, RFC 6522): a machine answering one of our letters, never a person's request.
   */
  private static boolean automatic(Message message) {
    String autoSubmitted = headers(message, "Auto-Submitted").strip().toLowerCase(Locale.ROOT);
    if (!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no")) {
      return true;
    }
    if (headers(message, "Precedence").strip().equalsIgnoreCase("auto_reply")) {
      return true;
    }
    try {
      return message.isMimeType("multipart/report");
    } catch (MessagingException e) {
      return headers(message, "Content-Type").toLowerCase(Locale.ROOT).contains("multipart/report");
    }
  }

  /**
   * The Message-IDs of our letters anywhere in the first megabyte of an automatic mail: a delivery report returns
   * the headers of the letter that did not arrive, and they name its request.
   */
  private static String ourMessageIds(Message message) {
    try {
      String raw = new String(raw(message), StandardCharsets.ISO_8859_1);
      Matcher id = OUR_MESSAGE_ID.matcher(raw.length() <= 1_000_000 ? raw : raw.substring(0, 1_000_000));
      StringBuilder ids = new StringBuilder();
      while (id.find() && ids.length() < 2000) {
        ids.append(id.group()).append(' ');
      }
      return ids.toString();
    } catch (MessagingException e) {
      return "";
    }
  }

  private static final class Body {
    private String plain;
    private String html;
    private final List<String> attachments = new ArrayList<>();

    String text() {
      if (plain != null) {
        return plain.strip();
      }
      return html == null ? "" : HtmlText.toText(html);
    }
  }

  private static void read(Part part, Body body) throws MessagingException, IOException {
    String fileName = part.getFileName();
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || (fileName != null && !fileName.isBlank())) {
      body.attachments.add(describe(part, fileName));
      return;
    }
    if (part.isMimeType("multipart/*")) {
      Multipart parts = (Multipart) part.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        read(parts.getBodyPart(i), body);
      }
    } else if (part.isMimeType("text/plain") && body.plain == null) {
      body.plain = part.getContent().toString();
    } else if (part.isMimeType("text/html") && body.html == null) {
      body.html = part.getContent().toString();
    } else if (!part.isMimeType("text/*")) {
      // an inline image or other content that is not text: listed like an attachment, never opened
      body.attachments.add(describe(part, fileName));
    }
  }

  private static String describe(Part part, String fileName) throws MessagingException {
    String name = fileName == null || fileName.isBlank() ? "(no name)" : decode(fileName);
    String type = part.getContentType() == null ? "unknown type"
        : part.getContentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    int size = part.getSize();
    return name + " (" + type + ", " + (size < 0 ? "size unknown" : approximateSize(size)) + ")";
  }

  /** The encoded size on the server, about a third above the file's: said as such. */
  private static String approximateSize(int encodedBytes) {
    return "about " + Math.max(1, encodedBytes * 3 / 4 / 1024) + " KB";
  }

  private static String decode(String text) {
    try {
      return MimeUtility.decodeText(text);
    } catch (java.io.UnsupportedEncodingException e) {
      return text;
    }
  }

  private static InternetAddress sender(Message message) {
    try {
      Address[] from = message.getFrom();
      return from != null && from.length > 0 && from[0] instanceof InternetAddress address ? address : null;
    } catch (MessagingException e) {
      return null;
    }
  }

  private static String headers(Message message, String name) {
    try {
      String[] values = message.getHeader(name);
      return values == null ? "" : String.join(" ", values);
    } catch (MessagingException e) {
      return "";
    }
  }

  private static String subject(Message message) {
    try {
      return limit(SINGLE_LINE.withoutRefused(message.getSubject()), 1000);
    } catch (MessagingException e) {
      return null;
    }
  }

  private static byte[] raw(Message message) throws MessagingException {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      message.writeTo(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new MessagingException("The message could not be read from the mailbox", e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String limit(String text, int max) {
    if (text == null) {
      return null;
    }
    return text.length() <= max ? text : text.substring(0, max);
  }
}
