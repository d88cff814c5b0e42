package dk.mico.rightsdesk.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server in the test JVM that outlives the application JVMs it receives from: what a killed node sent before
 * it died stays here. A letter is known by its recipient and subject line, which carry the request's reference and
 * say which letter it is: that catches a letter sent twice whatever its Message-ID (the application derives that from
 * the letter's key, so a resend carries the same one, but the test does not take that on trust).
 */
public class MailSink {

  private static final Pattern LINK_TOKEN = Pattern.compile("/(confirm|status)/([A-Za-z0-9_-]{43})");

  private final int port;
  private GreenMail server;

  public MailSink(int port) {
    this.port = port;
  }

  public int port() {
    return port;
  }

  public void start() {
    // GreenMail logs every address it receives mail for; the application keeps it at WARN for the same reason
    ((Logger) LoggerFactory.getLogger("com.icegreen.greenmail")).setLevel(Level.WARN);
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  public void stop() {
    if (server != null) {
      server.stop();
    }
  }

  /** Every mail received so far, counted by letter (recipient and subject line). */
  public Map<String, Integer> letterCounts() throws MessagingException {
    Map<String, Integer> counts = new HashMap<>();
    letterKeys().forEach(key -> counts.merge(key, 1, Integer::sum));
    return counts;
  }

  /** The token of the first link of that kind (confirm, status) in the mail to {@code recipient} with that subject. */
  public String linkToken(String recipient, String subject, String kind) throws Exception {
    for (MimeMessage message : received()) {
      if (subject.equals(message.getSubject()) && recipient.equalsIgnoreCase(message.getAllRecipients()[0].toString())) {
        Matcher link = LINK_TOKEN.matcher(TestDriver.body(message));
        while (link.find()) {
          if (link.group(1).equals(kind)) {
            return link.group(2);
          }
        }
      }
    }
    return null;
  }

  /**
   * What is wrong with the e-mail letters of one request, as the officer's view lists them: a letter the archive
   * shows as sent that the sink never got, or got more than once. Empty when every one arrived exactly once.
   */
  public static List<String> deliveryFaults(JsonNode officerView, Map<String, Integer> counts) {
    return StreamSupport.stream(officerView.path("letters").spliterator(), false)
        .filter(letter -> "EMAIL".equals(letter.path("delivery").asText()))
        .filter(letter -> "SENT".equals(letter.path("state").asText()))
        .map(letter -> {
          int times = counts.getOrDefault(
              letterKey(letter.path("recipient").asText(), letter.path("subjectLine").asText()), 0);
          return times == 1 ? null : officerView.path("reference").asText() + " " + letter.path("kind").asText()
              + (times == 0 ? " lost (archived as sent, never received)" : " received " + times + " times");
        })
        .filter(Objects::nonNull)
        .toList();
  }

  /** Letters received more than once, whoever sent them. */
  public static List<String> duplicates(Map<String, Integer> counts) {
    return counts.entrySet().stream().filter(e -> e.getValue() > 1)
        .map(e -> e.getKey() + " x" + e.getValue()).sorted().toList();
  }

  /** The letters received so far, by recipient and subject line (a letter to two recipients counts twice). */
  public List<String> letterKeys() throws MessagingException {
    List<String> keys = new ArrayList<>();
    for (MimeMessage message : received()) {
      for (Address to : message.getAllRecipients()) {
        keys.add(letterKey(to.toString(), message.getSubject()));
      }
    }
    return keys;
  }

  private List<MimeMessage> received() {
    return server == null ? List.of() : List.of(server.getReceivedMessages());
  }

  /** How a letter is known here: its recipient and subject line. */
  public static String letterKey(String recipient, String subject) {
    return recipient.toLowerCase(Locale.ROOT) + " | " + subject;
  }
}
