package dk.mico.rightsdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Rights Desk: GDPR data-subject rights requests from receipt to answer. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RightsDeskApplication {

  public static void main(String[] args) {
    SpringApplication.run(RightsDeskApplication.class, args);
  }
}
