package dk.mico.rightsdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import dk.mico.rightsdesk.request.TextRules;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** E-mails as the mailbox may hold them, read into what the officer's screen shows; no mail server needed. */
class InboundEmailParserTests {

  private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
  private final EmailParser parser = new EmailParser(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void htmlBecomesSafeTextAndAttachmentsAreListedNotOpened() throws Exception {
    ReceivedEmail email = parse("""
        From: =?UTF-8?Q?S=C3=B8ren_Holm?= <Soren.Holm@example.dk>
        To: gdpr@mico.dk
        Subject: Indsigt
        Message-ID: <abc@example.dk>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/html; charset=UTF-8

        <html><head><style>p{}</style></head><body><p>Hej &amp; tak</p><script>alert(1)</script><img src="http://tracker.example/x.png">Jeg vil have indsigt</body></html>
        --b1
        Content-Type: application/pdf; name="pas.pdf"
        Content-Disposition: attachment; filename="pas.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --b1--
        """);

    assertThat(email.parsed()).isTrue();
    assertThat(email.messageKey()).isEqualTo("<abc@example.dk>");
    assertThat(email.senderEmail()).isEqualTo("soren.holm@example.dk");
    assertThat(email.senderName()).isEqualTo("Søren Holm");
    assertThat(email.text()).isEqualTo("Hej & tak\nJeg vil have indsigt");
    assertThat(email.attachments()).startsWith("pas.pdf (application/pdf, ");
    assertThat(email.receivedAt()).isEqualTo(NOW); // no INTERNALDATE outside a mailbox
  }

  @Test
  void aMessageThatCannotBeReadKeepsItsRawTextAndAMessageWithoutIdGetsAHash() throws Exception {
    ReceivedEmail email = parse("""
        From: someone@example.dk
        Subject: Broken
        MIME-Version: 1.0
        Content-Type: multipart/mixed

        Slet mine oplysninger
        """);

    assertThat(email.parsed()).isFalse();
    assertThat(email.text()).contains("Slet mine oplysninger").contains("Content-Type: multipart/mixed");
    assertThat(email.messageKey()).startsWith("sha256:").hasSize("sha256:".length() + 64);
  }

  @Test
  void charactersARequestCannotHoldAreLeftOutSoTheMailCanBeStoredAndRegistered() throws Exception {
    ReceivedEmail email = parse("""
        From: =?UTF-8?Q?Eve=E2=80=AE_Holm?= <eve@example.dk>
        Subject: =?UTF-8?Q?Slet=E2=80=8B_mig?=
        Message-ID: <nul@example.dk>
        Content-Type: text/html; charset=UTF-8

        <p>Slet&#0; mine\u0007 oplysninger \u202Eigen</p>
        """);

    assertThat(email.senderName()).isEqualTo("Eve Holm");
    assertThat(email.subject()).isEqualTo("Slet mig");
    assertThat(email.text()).isEqualTo("Slet mine oplysninger igen");
    assertThat(TextRules.FREE_TEXT.problemWith(email.text())).isNull();
  }

  @Test
  void anUnknownCharsetStillGivesATask() throws Exception {
    ReceivedEmail email = parse("""
        From: someone@example.dk
        Subject: Charset
        Message-ID: <c@example.dk>
        Content-Type: text/plain; charset=x-no-such-charset

        Jeg vil have indsigt
        """);

    assertThat(email.text()).contains("Jeg vil have indsigt");
  }

  @Test
  void deliveryReportsAndAutoRepliesAreAutomaticAndNameOurLetter() throws Exception {
    ReceivedEmail report = parse("""
        From: MAILER-DAEMON@example.dk
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <r@example.dk>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="r1"

        --r1
        Content-Type: text/plain

        Could not be delivered.
        --r1
        Content-Type: text/rfc822-headers

        Message-ID: <DSR-2026-00042.ACKNOWLEDGEMENT@rightsdesk>

        --r1--
        """);
    ReceivedEmail autoReply = parse("""
        From: someone@example.dk
        Subject: Out of office
        Message-ID: <o@example.dk>
        Auto-Submitted: auto-replied

        Away.
        """);
    ReceivedEmail person = parse("""
        From: someone@example.dk
        Subject: Re: DSR-2026-00042
        Message-ID: <p@example.dk>
        Auto-Submitted: no

        Here is my answer.
        """);

    assertThat(report.automatic()).isTrue();
    assertThat(report.repliesTo()).contains("<DSR-2026-00042.ACKNOWLEDGEMENT@rightsdesk>");
    assertThat(autoReply.automatic()).isTrue();
    assertThat(person.automatic()).isFalse();
  }

  private ReceivedEmail parse(String source) throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(source.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    return parser.parse(message, EmailParser.messageKey(message), 1, 1);
  }
}
