package dk.mico.rightsdesk.access;

import dk.mico.rightsdesk.system.security.InlineStylesheet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The access report's stylesheet. It travels inside the report, which is downloaded, printed and previewed on the
 * officer's review page; the pages' Content-Security-Policy allows it by its hash.
 */
@Configuration(proxyBeanMethods = false)
class ReportStylesheetConfig {

  @Bean
  InlineStylesheet reportStylesheet() {
    return InlineStylesheet.read("templates/access/report.css");
  }
}
