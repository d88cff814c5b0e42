package dk.mico.rightsdesk.systems.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo personas of docs/demo-company.md are in exactly the systems that page says, and look as it says. */
class DemoPersonaTests {

  private static final Path PAGE = Path.of("docs", "demo-company.md");

  private static CompanyDb db;
  private static Map<String, Persona> personas;

  record Persona(String key, String name, String email, Set<String> systems) {}

  @BeforeAll
  static void migrate() throws IOException {
    db = CompanyDb.freshH2();
    personas = readPersonas();
  }

  @Test
  void thePageListsThePersonas() {
    assertThat(personas.keySet()).contains("mette", "jens", "soeren", "anne-grethe", "birthe-work", "birthe-home",
        "freja", "kasper", "ida", "mikkel", "nanna", "villads");
  }

  @Test
  void eachPersonaIsInExactlyTheSystemsThePageNames() throws SQLException {
    Map<String, Set<String>> held = DemoDataTests.systemsByAddress(db);
    for (Persona persona : personas.values()) {
      Set<String> found = new HashSet<>(held.getOrDefault(persona.email().toLowerCase(Locale.ROOT), Set.of()));
      if (db.count("select count(*) from newsletter_suppression where email_sha256 = ?",
          DemoCompanyData.sha256Hex(persona.email().toLowerCase(Locale.ROOT))) > 0) {
        found.add("newsletter-suppression");
      }
      assertThat(found).as(persona.key()).isEqualTo(persona.systems());
    }
  }

  @Test
  void personasCarryTheirNamesWhereverTheyAre() throws SQLException {
    for (Persona persona : personas.values()) {
      List<String> names = db.strings("select full_name from contact_person where lower(email) = ? union all "
          + "select full_name from course_participant where lower(email) = ? union all "
          + "select full_name from newsletter_subscriber where lower(email) = ? union all "
          + "select contact_name from invoice where lower(contact_email) = ?",
          lower(persona), lower(persona), lower(persona), lower(persona));
      assertThat(names).as(persona.key()).allMatch(persona.name()::equals);
    }
  }

  @Test
  void theNamesakesShareANameAndNothingElse() {
    Persona work = personas.get("birthe-work");
    Persona home = personas.get("birthe-home");

    assertThat(work.name()).isEqualTo(home.name());
    assertThat(work.email()).isNotEqualToIgnoringCase(home.email());
    assertThat(work.systems()).doesNotContainAnyElementsOf(home.systems());
  }

  @Test
  void soerenWasEnrolledByHisEmployer() throws SQLException {
    assertThat(db.query("select source, provided_by_subject, legal_basis, company_name from course_participant "
        + "where lower(email) = ?", lower(personas.get("soeren"))))
        .containsExactly(List.of("employer", false, "6(1)(f)", "Havnelogistik A/S"));
  }

  @Test
  void anneGretheIsOnInvoicesInsideAndOutsideTheirRetention() throws SQLException {
    assertThat(db.strings("select cast(financial_year_end as varchar) from invoice where lower(contact_email) = ? "
        + "order by invoice_date", lower(personas.get("anne-grethe"))))
        .containsExactly("2018-06-30", "2022-06-30", "2025-06-30");
  }

  @Test
  void kasperIsRestrictedEverywhere() throws SQLException {
    String kasper = lower(personas.get("kasper"));
    assertThat(db.strings("select restricted from contact_person where lower(email) = ? union all "
        + "select restricted from support_case where lower(reporter_email) = ?", kasper, kasper))
        .isNotEmpty().containsOnly("true");
  }

  @Test
  void idaIsAnOutsiderNamedInMettesCase() throws SQLException {
    assertThat(db.strings("select legal_basis from contact_person where lower(email) = ?", lower(personas.get("ida"))))
        .containsExactly("6(1)(f)");
    assertThat(db.strings("select notes from support_case where lower(reporter_email) = ?",
        lower(personas.get("mette")))).anyMatch(notes -> notes.contains(personas.get("ida").name()));
  }

  @Test
  void mikkelsAddressIsStoredWithCapitalsInOneSystemAndLowerCaseInAnother() throws SQLException {
    String mikkel = personas.get("mikkel").email();
    assertThat(mikkel).isNotEqualTo(lower(personas.get("mikkel")));
    assertThat(db.strings("select email from contact_person where lower(email) = ?", mikkel.toLowerCase(Locale.ROOT)))
        .containsExactly(mikkel);
    assertThat(db.strings("select email from course_participant where lower(email) = ?",
        mikkel.toLowerCase(Locale.ROOT))).containsExactly(mikkel.toLowerCase(Locale.ROOT));
  }

  @Test
  void mettesAndFrejasCookieConsentsAreLinkedBySignUp() throws SQLException {
    for (String key : List.of("mette", "freja")) {
      assertThat(db.count("select count(*) from cookie_consent where lower(signup_email) = ?",
          lower(personas.get(key)))).as(key).isEqualTo(1);
    }
  }

  private static String lower(Persona persona) {
    return persona.email().toLowerCase(Locale.ROOT);
  }

  /** The rows of the persona table: | persona | name | `e-mail` | systems | what it shows |. */
  private static Map<String, Persona> readPersonas() throws IOException {
    Map<String, Persona> read = new LinkedHashMap<>();
    boolean inTable = false;
    for (String line : Files.readAllLines(PAGE, StandardCharsets.UTF_8)) {
      if (line.startsWith("| persona |")) {
        inTable = true;
        continue;
      }
      if (!inTable || line.startsWith("|---")) {
        continue;
      }
      if (!line.startsWith("|")) {
        break;
      }
      String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
      String email = cells[3].replace("`", "");
      Set<String> systems = cells[4].equals("—") ? Set.of()
          : Arrays.stream(cells[4].split(",")).map(String::strip).collect(Collectors.toSet());
      read.put(cells[1], new Persona(cells[1], cells[2], email, systems));
    }
    return read;
  }
}
