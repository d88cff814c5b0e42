package dk.mico.rightsdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** What the in-JVM drivers share: the machine's load to print beside a figure, and the demo's settings relocated. */
final class BenchSupport {

  private BenchSupport() {}

  /** The one-minute load average, printed with every figure: a loaded machine's times are not comparable. */
  static String loadAverage() {
    try {
      return "load average " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "load average unknown";
    }
  }

  /**
   * The arguments that run the demo profile on the driver's databases: the engine's and the requests' at
   * {@code databaseUrl} (H2 as the demo has it, or PostgreSQL as {@code postgresUser}), the demo company in H2 files
   * under the run's folder.
   */
  static List<String> demoOn(String databaseUrl, String postgresUser, Path files) {
    boolean h2 = databaseUrl.startsWith("jdbc:h2:");
    return List.of(
        "--spring.profiles.active=demo",
        "--spring.datasource.url=" + databaseUrl,
        "--spring.datasource.username=" + (h2 ? "sa" : postgresUser),
        "--rightsdesk.company.datasources.company.url="
            + demoUrl("config/company-systems.yaml", "rightsdesk.company.datasources.company.url", files));
  }

  /** The demo profile's H2 URL with its files under the run's folder, so the driver runs on the demo's settings. */
  static String demoUrl(String resource, String property, Path files) {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource(resource));
    String url = yaml.getObject().getProperty(property);
    assertThat(url).as("%s in %s", property, resource).startsWith("jdbc:h2:file:./data/");
    return url.replace("./data/", files + "/");
  }
}
