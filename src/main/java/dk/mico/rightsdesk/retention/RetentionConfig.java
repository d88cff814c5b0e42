package dk.mico.rightsdesk.retention;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The nightly deletion of records whose retention has run out. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionConfig {}
