package dk.mico.rightsdesk.systems.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo data looks like a real company's: enough people, in several systems, with the untidiness of real data. */
class DemoDataTests {

  /** Where each system keeps a person's e-mail address. */
  static final Map<String, List<String>> EMAIL_COLUMNS = Map.of(
      "case-management", List.of("contact_person.email", "support_case.reporter_email"),
      "courses", List.of("course_participant.email"),
      "course-evaluations", List.of("course_evaluation.respondent_email"),
      "newsletter", List.of("newsletter_subscriber.email"),
      "cookies", List.of("cookie_consent.signup_email"),
      "accounting", List.of("invoice.contact_email"));

  /** Common real mail domains, and the controller's own: no demo address may use one. */
  private static final Set<String> REAL_DOMAINS = Set.of("gmail.com", "googlemail.com", "hotmail.com", "hotmail.dk",
      "outlook.com", "outlook.dk", "live.dk", "live.com", "yahoo.com", "yahoo.dk", "icloud.com", "me.com",
      "protonmail.com", "mail.dk", "jubii.dk", "ofir.dk", "email.dk", "tdcadsl.dk", "stofanet.dk", "youmail.dk",
      "mico.dk", "example.com", "example.dk");

  private static CompanyDb db;

  @BeforeAll
  static void migrate() {
    db = CompanyDb.freshH2();
  }

  @Test
  void aboutThreeHundredPeople() throws SQLException {
    assertThat(systemsByAddress()).size().isBetween(270, 330);
    assertThat(db.count("select count(*) from customer")).isBetween(30L, 45L);
  }

  @Test
  void manyPeopleAreInSeveralSystems() throws SQLException {
    Map<String, Set<String>> systems = systemsByAddress();

    assertThat(systems.values().stream().filter(s -> s.size() >= 2).count()).isGreaterThanOrEqualTo(40);
    assertThat(systems.values().stream().filter(s -> s.size() >= 3).count()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void namesakesHaveDifferentAddresses() throws SQLException {
    Map<String, Set<String>> addressesByName = new HashMap<>();
    for (String table : List.of("contact_person", "course_participant", "newsletter_subscriber")) {
      for (List<Object> row : db.query("select full_name, lower(email) from " + table)) {
        addressesByName.computeIfAbsent((String) row.get(0), n -> new HashSet<>()).add((String) row.get(1));
      }
    }

    assertThat(addressesByName.values().stream().filter(a -> a.size() >= 2).count()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void addressesArriveWithCapitalsAndPhonesInMixedFormats() throws SQLException {
    assertThat(db.count("select count(*) from contact_person where email <> lower(email)")
        + db.count("select count(*) from course_participant where email <> lower(email)")
        + db.count("select count(*) from newsletter_subscriber where email <> lower(email)"))
        .isGreaterThanOrEqualTo(15);

    List<String> phones = db.strings("select phone from contact_person where phone is not null union all "
        + "select phone from course_participant where phone is not null");
    for (String format : List.of("\\+45 \\d{2} \\d{2} \\d{2} \\d{2}", "\\d{8}", "\\d{2} \\d{2} \\d{2} \\d{2}",
        "\\+45\\d{8}")) {
      assertThat(phones).as(format).anyMatch(Pattern.compile(format).asMatchPredicate());
    }
    assertThat(db.count("select count(*) from contact_person where phone is null")).isPositive();
  }

  @Test
  void namesAreDanish() throws SQLException {
    List<String> names = db.strings("select full_name from contact_person union all "
        + "select full_name from course_participant");
    for (String letter : List.of("æ", "ø", "å", "Å")) {
      assertThat(names).as(letter).anyMatch(name -> name.contains(letter));
    }
  }

  @Test
  void legalBasisAndSourceDifferPerRecord() throws SQLException {
    assertThat(db.strings("select distinct legal_basis from contact_person order by legal_basis"))
        .containsExactly("6(1)(b)", "6(1)(f)");
    assertThat(db.count("select count(*) from course_participant where source = 'employer' "
        + "and provided_by_subject = false and legal_basis = '6(1)(f)'")).isGreaterThanOrEqualTo(10);
    assertThat(db.count("select count(*) from course_participant where source = 'subject' "
        + "and provided_by_subject = true and legal_basis = '6(1)(b)'")).isGreaterThanOrEqualTo(10);
    assertThat(db.count("select count(*) from course_participant where (source = 'employer') = provided_by_subject"))
        .isZero();
    assertThat(db.count("select count(*) from contact_person where marketing_consent = true")).isPositive();
    assertThat(db.count("select count(*) from contact_person where restricted = true")).isPositive();
  }

  @Test
  void caseNotesSometimesNameOtherContactPersons() throws SQLException {
    long naming = db.count("select count(*) from support_case c where exists (select 1 from contact_person p "
        + "where p.customer_id = c.customer_id and (c.contact_person_id is null or p.id <> c.contact_person_id) "
        + "and c.notes like '%' || p.full_name || '%')");

    assertThat(naming).isGreaterThanOrEqualTo(10);
  }

  @Test
  void invoicesCarryTheirRetentionDates() throws SQLException {
    assertThat(db.count("select count(*) from invoice where extract(month from financial_year_end) <> 6 "
        + "or extract(day from financial_year_end) <> 30 or financial_year_end < invoice_date "
        + "or financial_year_end > dateadd(year, 1, invoice_date)")).isZero();
    // a few are past the 5 years already: the retention job has something to erase
    assertThat(db.count("select count(*) from invoice where dateadd(year, 5, financial_year_end) < ?",
        LocalDate.of(2025, 9, 1))).isPositive();
  }

  @Test
  void mostCookieConsentsBelongToNoOne() throws SQLException {
    long all = db.count("select count(*) from cookie_consent");
    long linked = db.count("select count(*) from cookie_consent where signup_email is not null");

    assertThat(linked).isPositive().isLessThan(all / 5);
  }

  @Test
  void suppressionEntriesAreHashesOnly() throws SQLException {
    assertThat(db.strings("select email_sha256 from newsletter_suppression"))
        .isNotEmpty().allMatch(Pattern.compile("[0-9a-f]{64}").asMatchPredicate());
    // nobody on the suppression list is subscribed again
    for (String address : db.strings("select lower(email) from newsletter_subscriber")) {
      assertThat(db.count("select count(*) from newsletter_suppression where email_sha256 = ?",
          DemoCompanyData.sha256Hex(address))).as(address).isZero();
    }
  }

  @Test
  void noAddressUsesARealDomain() throws SQLException {
    Set<String> domains = new HashSet<>();
    for (List<String> columns : EMAIL_COLUMNS.values()) {
      for (String column : columns) {
        domains.addAll(domainsIn(column));
      }
    }
    domains.addAll(domainsIn("disclosure_recipient.notice_contact"));

    assertThat(domains).hasSizeGreaterThan(30).doesNotContainAnyElementsOf(REAL_DOMAINS)
        .allMatch(domain -> domain.endsWith(".example"), "under the reserved top-level domain .example");
  }

  private static Set<String> domainsIn(String column) throws SQLException {
    String table = column.substring(0, column.indexOf('.'));
    String name = column.substring(column.indexOf('.') + 1);
    Set<String> domains = new HashSet<>();
    for (String address : db.strings("select " + name + " from " + table + " where " + name + " is not null")) {
      domains.add(address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT));
    }
    return domains;
  }

  /** Every lower-cased address the company's systems hold, with the systems that hold it. */
  static Map<String, Set<String>> systemsByAddress() throws SQLException {
    return systemsByAddress(db);
  }

  static Map<String, Set<String>> systemsByAddress(CompanyDb db) throws SQLException {
    Map<String, Set<String>> systems = new HashMap<>();
    for (Map.Entry<String, List<String>> system : EMAIL_COLUMNS.entrySet()) {
      for (String column : system.getValue()) {
        String table = column.substring(0, column.indexOf('.'));
        String name = column.substring(column.indexOf('.') + 1);
        for (String address : db.strings("select lower(" + name + ") from " + table + " where " + name
            + " is not null")) {
          systems.computeIfAbsent(address, a -> new HashSet<>()).add(system.getKey());
        }
      }
    }
    return systems;
  }
}
