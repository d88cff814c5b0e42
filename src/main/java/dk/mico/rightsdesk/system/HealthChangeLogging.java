package dk.mico.rightsdesk.system;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributorNameFactory;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health checks are called by load balancers and monitors every few seconds, by anyone: a failing check is logged
 * once when it fails and once when it is back, not with a stack trace per call (Spring Boot's own per-call warnings
 * are turned down in application.yaml).
 */
@Component
class HealthChangeLogging implements BeanPostProcessor {

  private static final Logger log = LoggerFactory.getLogger(HealthChangeLogging.class);

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    return bean instanceof HealthIndicator check
        ? new LoggedOnChange(HealthContributorNameFactory.INSTANCE.apply(beanName), check)
        : bean;
  }

  /** A check that remembers its last status and logs when it changes; it starts as UP, so a first failure shows. */
  private static final class LoggedOnChange implements HealthIndicator {

    private final String name;
    private final HealthIndicator check;
    private final AtomicReference<Status> last = new AtomicReference<>(Status.UP);

    LoggedOnChange(String name, HealthIndicator check) {
      this.name = name;
      this.check = check;
    }

    @Override
    public Health health() {
      Health health = check.health();
      Status before = last.getAndSet(health.getStatus());
      if (!health.getStatus().equals(before)) {
        if (Status.UP.equals(health.getStatus())) {
          log.info("Health check {} is UP again", name);
        } else {
          log.warn("Health check {} is {}: {}", name, health.getStatus(), health.getDetails());
        }
      }
      return health;
    }
  }
}
