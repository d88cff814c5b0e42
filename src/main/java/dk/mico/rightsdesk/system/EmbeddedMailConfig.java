package dk.mico.rightsdesk.system;

import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With no {@code spring.mail.host}, mail goes to an embedded SMTP server; with one, Spring Boot's own mail sender
 * talks to that host and this configuration stays off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
public class EmbeddedMailConfig {

  @Bean(initMethod = "start", destroyMethod = "stop")
  EmbeddedMailServer embeddedMailServer(@Value("${rightsdesk.mail.embedded-port:2525}") int port,
      @Value("${rightsdesk.mail.embedded-imap-port:3143}") int imapPort,
      @Value("${rightsdesk.inbox.user:}") String mailboxUser,
      @Value("${rightsdesk.inbox.password:}") String mailboxPassword) {
    return new EmbeddedMailServer(port, imapPort, mailboxUser, mailboxPassword);
  }

  /** Declared as the implementation, as Spring Boot's own is, so that its mail health check covers this one too. */
  @Bean
  JavaMailSenderImpl javaMailSender(EmbeddedMailServer server) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(server.port());
    sender.setDefaultEncoding("UTF-8");
    Properties props = sender.getJavaMailProperties();
    props.put("mail.smtp.connectiontimeout", "5000");
    props.put("mail.smtp.timeout", "10000");
    props.put("mail.smtp.writetimeout", "10000");
    return sender;
  }
}
