package dk.mico.rightsdesk.systems;

import dk.mico.rightsdesk.workflow.EngineClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A small company of the tests' own: an in-memory H2 database with four tables, and their declaration in the format
 * of docs/company-systems.md, bound the way the application binds it.
 */
final class TestCompany implements AutoCloseable {

  static final SystemId CASES = SystemId.of("case-management");
  static final SystemId COURSES = SystemId.of("courses");
  static final SystemId NEWSLETTER = SystemId.of("newsletter");
  static final SystemId PAPER = SystemId.of("paper-archive");

  static final String DECLARATION = """
      rightsdesk:
        company:
          page-size: 2   # small, so that reading every name takes several pages
          datasources:
            company:
              url: "@URL@"
              username: sa
              password: ""
          systems:
            - id: case-management
              name: {da: Sagsstyring, en: "Case management"}
              owner-group: gdpr-officer
              access: jdbc
              backup-retention: P35D
              datasource: company
              activity: {da: Kontaktpersoner og deres sager, en: "Customer contact persons and their cases"}
              data-subjects: {da: Registrerede, en: "Data subjects"}
              purpose: {da: At levere de aftalte ydelser, en: "To deliver the services agreed"}
              legal-basis: "6(1)(b)"
              source: {da: Den registrerede, en: "The data subject"}
              retention: {da: Mens kunde, derefter 5 år, en: "While a customer, then 5 years"}
              recipients: [hosting-provider]
              records:
                - table: contact_person
                  id-column: id
                  person-name: full_name
                  identifiers:
                    email: email
                    phone: phone
                  categories: {da: [navn, e-mail, telefon, stilling], en: [name, e-mail, phone, job title]}
                  legal-basis-column: legal_basis
                  source-column: source
                  portable-column: provided_by_subject
                  export-columns: [full_name, email, phone, title]
                  labels:
                    full_name: {da: "full_navn", en: "full_name (en)"}
                    email: {da: "email-da", en: "email-en"}
                    phone: {da: "telefon", en: "phone (en)"}
                    title: {da: "title-da", en: "title-en"}
                  erase: delete
                  restrict-column: restricted
                  rectify-columns: [full_name, title]
                  marketing-column: marketing_consent
                - table: invoice
                  id-column: id
                  identifiers:
                    email: contact_email
                  categories: {da: [e-mail, faktura], en: [e-mail, invoice]}
                  export-columns: [contact_email, amount, issued_on]
                  labels:
                    contact_email: {da: "contact_email-da", en: "contact_email-en"}
                    amount: {da: "amount-da", en: "amount-en"}
                    issued_on: {da: "issued_on-da", en: "issued_on-en"}
                  erase: keep
                  retention:
                    from: issued_on
                    period: P5Y
                    law: {da: "bogføringsloven § 12, stk. 1", en: "the Danish Bookkeeping Act, section 12(1)"}
            - id: courses
              name: {da: Kurser, en: "Courses"}
              access: jdbc
              backup-retention: P35D
              datasource: company
              activity: {da: Kursusdeltagere, en: "Course participants"}
              data-subjects: {da: Registrerede, en: "Data subjects"}
              legal-basis: "6(1)(b)"
              source: {da: Deltagerens arbejdsgiver, en: "The participant's employer"}
              retention: {da: Så længe kurset skal afholdes og evalueres, en: "As long as needed to run and evaluate the course"}
              records:
                - table: participant
                  id-column: code
                  person-name: name
                  identifiers:
                    email: mail
                  categories: {da: [navn, e-mail, fremmøde], en: [name, e-mail, attendance]}
                  export-columns: [name, mail, attended]
                  labels:
                    name: {da: "name-da", en: "name-en"}
                    mail: {da: "mail-da", en: "mail-en"}
                    attended: {da: "attended-da", en: "attended-en"}
                  erase: anonymise
                  anonymise: {name: "[slettet]", mail: null}
                  anonymise-keeps: {attended: "whether the course was attended; names nobody"}
            - id: newsletter
              name: {da: Nyhedsbrev, en: "Newsletter"}
              access: jdbc
              backup-retention: P35D
              datasource: company
              activity: {da: Direkte markedsføring, en: "Direct marketing"}
              data-subjects: {da: Registrerede, en: "Data subjects"}
              legal-basis: "6(1)(a)"
              source: {da: Den registrerede, en: "The data subject"}
              retention: {da: Indtil tilbagetrækning, en: "Until withdrawal"}
              records:
                - table: subscriber
                  id-column: id
                  identifiers:
                    email: email
                  categories: {da: [e-mail], en: [e-mail]}
                  consent-only: true
                  export-columns: [email, subscribed]
                  labels:
                    email: {da: "email-da", en: "email-en"}
                    subscribed: {da: "subscribed-da", en: "subscribed-en"}
                  erase: delete
                  marketing-column: subscribed
              suppression:
                table: newsletter_suppression
                hash-column: email_sha256
                created-column: created_at
            - id: paper-archive
              name: {da: Papirarkiv, en: "Paper archive"}
              owner-group: gdpr-officer
              access: manual
              backup-retention: P35D
              activity: {da: Underskrevne kontrakter, en: "Signed contracts"}
              data-subjects: {da: Registrerede, en: "Data subjects"}
              legal-basis: "6(1)(b)"
              retention: {da: 5 år, en: "5 years"}
      """;

  private static final String SCHEMA = """
      CREATE TABLE contact_person (id BIGINT PRIMARY KEY, full_name VARCHAR(200), email VARCHAR(200),
        phone VARCHAR(40), title VARCHAR(100), legal_basis VARCHAR(20), source VARCHAR(200),
        provided_by_subject BOOLEAN, restricted BOOLEAN DEFAULT FALSE NOT NULL, marketing_consent BOOLEAN);
      INSERT INTO contact_person VALUES
        (1, 'Anna Berg Hansen', 'Anna.Hansen@Example.DK', '+45 12 34 56 78', 'CTO', NULL, NULL, TRUE, FALSE, TRUE),
        (2, ' anna  berg   HANSEN ', 'anna@elsewhere.dk', '87654321', 'Clerk', '6(1)(f)', 'Her employer', FALSE,
          FALSE, TRUE),
        (3, 'Bo Jensen', 'bo@example.dk', '(+45) 22-33 44.55', 'CEO', NULL, NULL, TRUE, FALSE, NULL),
        (4, 'Anna Berg', 'berg@example.dk', NULL, NULL, NULL, NULL, NULL, FALSE, FALSE),
        (5, 'Anna Berg Hansenius', 'hansenius@example.dk', NULL, NULL, NULL, NULL, NULL, FALSE, FALSE);
      CREATE TABLE invoice (id INT PRIMARY KEY, contact_email VARCHAR(200), amount DECIMAL(10, 2), issued_on DATE);
      INSERT INTO invoice VALUES (10, 'anna.hansen@example.dk', 1250.00, DATE '2024-03-01');
      CREATE TABLE participant (code VARCHAR(20) PRIMARY KEY, name VARCHAR(200), mail VARCHAR(200),
        attended BOOLEAN);
      INSERT INTO participant VALUES ('P-1', 'Anna Berg Hansen', 'ANNA.HANSEN@example.dk', TRUE),
        ('P-2', 'Bo Jensen', 'bo@example.dk', FALSE);
      CREATE TABLE subscriber (id BIGINT PRIMARY KEY, email VARCHAR(200), subscribed BOOLEAN);
      INSERT INTO subscriber VALUES (1, 'anna.hansen@example.dk', TRUE), (2, 'bo@example.dk', TRUE);
      CREATE TABLE newsletter_suppression (email_sha256 CHAR(64) PRIMARY KEY, created_at TIMESTAMP NOT NULL);
      """;

  final String url;
  final JdbcClient sql;
  final CompanyDataSources dataSources;
  final CompanySystems systems;
  private final boolean h2;

  TestCompany() {
    this("jdbc:h2:mem:company-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa");
  }

  /** The same tables in another (empty) database or schema, e.g. PostgreSQL's; the caller drops them. */
  TestCompany(String url, String username) {
    this.url = url;
    this.h2 = url.startsWith("jdbc:h2:");
    sql = JdbcClient.create(new DriverManagerDataSource(url, username, ""));
    for (String statement : SCHEMA.split(";")) {
      if (!statement.isBlank()) {
        sql.sql(statement).update();
      }
    }
    CompanyProperties properties = bind(DECLARATION.replace("@URL@", url).replace("username: sa",
        "username: " + username));
    dataSources = new CompanyDataSources(properties);
    systems = new CompanySystems(properties, dataSources, EngineClock.engineTime());
  }

  static CompanyProperties bind(String yaml) {
    try {
      var sources = new YamlPropertySourceLoader()
          .load("declaration", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
      return new Binder(ConfigurationPropertySources.from(sources))
          .bindOrCreate("rightsdesk.company", CompanyProperties.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    dataSources.close();
    if (h2) {
      sql.sql("SHUTDOWN").update();
    }
  }
}
