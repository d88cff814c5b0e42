package dk.mico.rightsdesk.systems.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo company's data, generated from a seed: the same seed gives the same rows, on every machine and database.
 *
 * <p>Everything here is invented: people, companies, e-mail domains (all under the reserved top-level domain
 * {@code .example}), CVR numbers (chosen to fail the modulus-11 check, so none is a real company's), and phone
 * numbers (eight digits starting with 1, a range Denmark does not give to subscribers).
 *
 * <p>First come the demo personas of docs/demo-company.md, written out by hand; then a few hundred generated people.
 * Personas' names and addresses are reserved, so no generated person shares them by accident.
 */
final class DemoCompanyData {

  static final String CONTRACT = "6(1)(b)";
  static final String LEGITIMATE_INTEREST = "6(1)(f)";
  static final String FROM_SUBJECT = "subject";
  static final String FROM_EMPLOYER = "employer";

  private static final String[] FIRST_NAMES = {
      "Anne", "Mette", "Hanne", "Susanne", "Lene", "Kirsten", "Camilla", "Louise", "Maria", "Marianne", "Pia", "Tina",
      "Charlotte", "Helle", "Birgitte", "Karina", "Lærke", "Sofie", "Ida", "Emma", "Signe", "Maja", "Astrid", "Ditte",
      "Trine", "Bodil", "Åse", "Gitte", "Sønnøve", "Jens", "Peter", "Lars", "Michael", "Søren", "Henrik", "Thomas",
      "Jan", "Niels", "Anders", "Rasmus", "Mads", "Morten", "Jesper", "Christian", "Martin", "Frederik", "Jørgen",
      "Bjørn", "Torben", "Kåre", "Ole", "Poul", "Bent", "Mathias", "Emil", "Nikolaj", "Steffen", "Ulrik", "Asger",
      "Bjarke"};

  private static final String[] LAST_NAMES = {
      "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
      "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Johansen", "Møller",
      "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Østergaard", "Mølgaard", "Kjær", "Løkkegaard", "Frølund",
      "Dalsgaard", "Højgaard", "Skovgaard", "Brøndum", "Sønderby", "Lund", "Bach", "Krogh", "Damgaard", "Friis",
      "Nørgaard", "Søgaard", "Bjerre", "Ravn", "Winther", "Grøn", "Kirkegaard", "Thygesen", "Fuglsang", "Bruun",
      "Vinding", "Å-Jensen", "Hedegaard"};

  private static final String[] COMPANY_STEMS = {
      "Nord", "Syd", "Øst", "Vest", "Fjord", "Havne", "Kyst", "Skov", "Lyng", "Bakke", "Mølle", "Eng", "Sø", "Klint",
      "Strand", "Å", "Hede", "Bøge", "Ege", "Marsk"};

  private static final String[] COMPANY_TRADES = {
      "byg", "logistik", "revision", "tryk", "el", "vvs", "data", "handel", "transport", "advokaterne", "ejendomme",
      "maskiner", "design", "tandklinik", "bageri", "auto"};

  private static final String[] LEGAL_FORMS = {"A/S", "ApS", "ApS", "I/S"};

  private static final String[] PRIVATE_DOMAINS = {
      "postkassen.example", "netpost.example", "minmail.example", "hjemmenet.example"};

  private static final String[] TITLES = {
      "IT-ansvarlig", "Direktør", "Økonomichef", "Kontorchef", "Indkøber", "Driftsansvarlig", "Bogholder",
      "HR-konsulent", "Projektleder", "Receptionist"};

  private static final String[] OUTSIDE_TITLES = {"Ekstern revisor", "Ekstern IT-konsulent", "Vikar"};

  private static final String[] CASE_SUBJECTS = {
      "Printer på 2. sal udskriver ikke", "Ny medarbejder skal oprettes", "VPN-forbindelsen falder ud",
      "Opgradering af firewall", "Mistænkelig e-mail modtaget", "Backup fejlede i nat", "Licenser til Microsoft 365",
      "Ny bærbar til kontoret", "Adgang til fælles drev", "Telefonomstilling virker ikke", "Wi-fi i mødelokalet",
      "Fratrådt medarbejder skal lukkes", "Skærm flimrer", "Opdatering af økonomisystem"};

  private static final String[] PLAIN_NOTES = {
      "Brugeren oplyser at fejlen opstod efter seneste opdatering. Genstartet og testet, virker nu.",
      "Kunden kontaktet telefonisk, afventer svar.",
      "Fejlen kunne ikke genskabes. Lukkes hvis den ikke kommer igen inden en uge.",
      "Bestilt hos leverandøren, forventet levering om 3-5 hverdage.",
      "Løst via fjernsupport."};

  private static final String[] NAMING_NOTES = {
      "Aftalt med %s at vi kommer forbi torsdag formiddag.",
      "%s har godkendt indkøbet. Leveres i næste uge.",
      "Overdraget fra %s, som er på ferie.",
      "%s ønsker besked, når sagen er løst.",
      "Talt med %s om adgangsrettigheder; afventer skriftlig godkendelse."};

  private static final String[][] COURSES = {
      {"GDPR for IT-ansvarlige", "MICO, København SV"},
      {"Informationssikkerhed i hverdagen", "Kursuscenter Lyngbakken"},
      {"Microsoft 365 for superbrugere", "MICO, København SV"},
      {"Phishing: kend tegnene", "Online (Teams)"},
      {"Backup og genetablering", "Kursuscenter Lyngbakken"},
      {"Teams og SharePoint i praksis", "MICO, København SV"},
      {"Password-managere i virksomheden", "Online (Teams)"},
      {"Netværk for begyndere", "Kursuscenter Lyngbakken"},
      {"Flyt til skyen: seminar", "MICO, København SV"},
      {"Informationssikkerhed i hverdagen", "MICO, København SV"}};

  private static final String[] EVALUATION_ANSWERS = {
      "Godt kursus, relevant indhold. Gerne flere praktiske øvelser.",
      "Underviseren var meget kompetent. Lokalet var for varmt.",
      "For meget stof på for kort tid.",
      "Præcis hvad jeg havde brug for. Anbefaler det til mine kolleger.",
      "Fint, men eksemplerne passede ikke helt til vores virksomhed.",
      "Meget udbytterigt. Materialet må gerne sendes ud på forhånd."};

  private static final String[] COOKIE_CATEGORIES = {
      "necessary", "necessary", "necessary,preferences", "necessary,statistics", "necessary,preferences,statistics",
      "necessary,preferences,statistics,marketing"};

  private static final LocalDate FIRST_CUSTOMER_DAY = LocalDate.of(2012, 1, 1);

  private final Random random;
  private final Set<String> usedAddresses = new HashSet<>();
  private final Set<String> usedDomains = new HashSet<>();
  private final Set<String> usedCookieIds = new HashSet<>();

  private final Table customers = new Table("customer", "name", "cvr", "customer_since", "customer_until");
  private final Table contacts = new Table("contact_person", "customer_id", "full_name", "email", "phone", "title",
      "legal_basis", "source", "provided_by_subject", "marketing_consent", "restricted", "created_at");
  private final Table cases = new Table("support_case", "case_no", "customer_id", "contact_person_id",
      "reporter_name", "reporter_email", "subject", "notes", "opened_at", "closed_at", "restricted");
  private final Table courses = new Table("course", "code", "title", "held_on", "location");
  private final Table participants = new Table("course_participant", "course_id", "full_name", "email", "phone",
      "company_name", "legal_basis", "source", "provided_by_subject", "enrolled_at", "attended", "restricted");
  private final Table evaluations = new Table("course_evaluation", "course_id", "participant_id", "respondent_email",
      "rating", "answers", "submitted_at", "restricted");
  private final Table subscribers = new Table("newsletter_subscriber", "email", "full_name", "consent_at",
      "consent_source", "restricted");
  private final Table suppressions = new Table("newsletter_suppression", "email_sha256", "created_at");
  private final Table cookies = new Table("cookie_consent", "cookie_id", "categories", "consented_at",
      "withdrawn_at", "signup_email", "restricted");
  private final Table invoices = new Table("invoice", "invoice_no", "customer_id", "contact_name", "contact_email",
      "amount_dkk", "invoice_date", "financial_year_end", "restricted");

  private final List<Company> companies = new ArrayList<>();
  private final List<Course> courseList = new ArrayList<>();
  private final List<Person> subscribed = new ArrayList<>();
  private final Map<String, Integer> invoicesPerYear = new LinkedHashMap<>();
  private final Map<String, Integer> casesPerYear = new LinkedHashMap<>();

  DemoCompanyData(long seed) {
    this.random = new Random(seed);
    generate();
  }

  /** Inserts every row, parents before children. */
  void writeTo(Connection connection) throws SQLException {
    for (Table table : List.of(customers, contacts, cases, courses, participants, evaluations, subscribers,
        suppressions, cookies, invoices)) {
      table.insertInto(connection);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // generation

  private void generate() {
    addCourses();
    Personas personas = addPersonas();
    int generatedCompanies = 36;
    for (int i = 0; i < generatedCompanies; i++) {
      addGeneratedCompany();
    }
    List<Person> privatePeople = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      privatePeople.add(newPerson(PRIVATE_DOMAINS[random.nextInt(PRIVATE_DOMAINS.length)], null));
    }
    for (Company company : companies) {
      if (!company.persona) {
        fillCompany(company);
      }
    }
    for (Person person : privatePeople) {
      int kind = random.nextInt(10);
      if (kind < 5) {
        subscribe(person, pick("website", "website", "event"), dateTimeBetween(2019, 2025));
      } else if (kind < 8) {
        Course course = pickCourse();
        enrol(course, person, null, false);
        if (random.nextInt(3) == 0) {
          subscribe(person, "course sign-up", course.heldOn.minusDays(20).atTime(10, 15));
        }
      } else {
        subscribe(person, "website", dateTimeBetween(2021, 2025));
        enrol(pickCourse(), person, null, false);
      }
    }
    // former subscribers who objected: only the hash of their address is left
    for (int i = 0; i < 11; i++) {
      Person former = newPerson(PRIVATE_DOMAINS[random.nextInt(PRIVATE_DOMAINS.length)], null);
      suppress(former.email, dateTimeBetween(2020, 2025));
    }
    addCookies(personas);
  }

  private void addCourses() {
    LocalDate day = LocalDate.of(2023, 3, 14);
    for (int i = 0; i < COURSES.length; i++) {
      Course course = new Course(courses.nextId(), day);
      courses.add(course.id, "K-" + day.getYear() + "-" + String.format(Locale.ROOT, "%02d", i + 1), COURSES[i][0],
          day, COURSES[i][1]);
      courseList.add(course);
      day = day.plusDays(60 + random.nextInt(40));
    }
  }

  /** The people of docs/demo-company.md. Change them only together with that page. */
  private Personas addPersonas() {
    Company fjordbyg = persona(new Company(customers.nextId(), "Fjordbyg A/S", "fjordbyg.example",
        LocalDate.of(2016, 4, 1), null));
    Company havnelogistik = persona(new Company(customers.nextId(), "Havnelogistik A/S", "havnelogistik.example",
        LocalDate.of(2014, 9, 1), null));
    Company kystkonsult = persona(new Company(customers.nextId(), "Kystkonsult ApS", "kystkonsult.example",
        LocalDate.of(2019, 2, 1), null));

    // everywhere but accounting: case management, a course and its evaluation, the newsletter, a linked cookie
    Person mette = reserved("Mette", "Kjærgaard Sørensen", "mette.sorensen@fjordbyg.example", "+45 14 72 58 36",
        fjordbyg);
    // an outside consultant at Fjordbyg: legitimate interest, named in a note of Mette's case
    Person ida = reserved("Ida", "Bøgh", "ida.boegh@fjordbyg.example", "17 23 45 61", fjordbyg);
    // namesake 1 (case management); namesake 2 below has another address
    Person birtheAtWork = reserved("Birthe", "Ravnsbæk", "birthe.ravnsbaek@fjordbyg.example", "13572468", fjordbyg);
    long metteId = contact(fjordbyg, mette, "IT-ansvarlig", CONTRACT, FROM_EMPLOYER, true, false,
        LocalDateTime.of(2016, 4, 4, 9, 30));
    contact(fjordbyg, ida, "Ekstern IT-konsulent", LEGITIMATE_INTEREST, FROM_EMPLOYER, false, false,
        LocalDateTime.of(2021, 8, 16, 13, 5));
    contact(fjordbyg, birtheAtWork, "Bogholder", CONTRACT, FROM_EMPLOYER, false, false,
        LocalDateTime.of(2018, 1, 8, 8, 45));
    openCase(fjordbyg, metteId, mette, "Ny bærbar til kontoret",
        "Aftalt med Ida Bøgh at den gamle maskine slettes og afleveres til genbrug.",
        LocalDateTime.of(2024, 10, 2, 9, 12), false);
    openCase(fjordbyg, metteId, mette, "VPN-forbindelsen falder ud", PLAIN_NOTES[0],
        LocalDateTime.of(2025, 1, 20, 14, 40), false);
    Course gdprCourse = courseList.get(0);
    long metteParticipant = enrol(gdprCourse, mette, fjordbyg.name, false);
    evaluate(gdprCourse, metteParticipant, mette.email, 5, EVALUATION_ANSWERS[3]);
    subscribe(mette, "website", LocalDateTime.of(2022, 5, 3, 20, 14));

    // newsletter only
    Person jens = reserved("Jens", "Østergaard", "jens.oestergaard@postkassen.example", null, null);
    subscribe(jens, "website", LocalDateTime.of(2023, 11, 28, 7, 55));

    // enrolled on a course by his employer, nowhere else
    Person soeren = reserved("Søren", "Bækgaard", "soeren.baekgaard@havnelogistik.example", "18 64 20 97",
        havnelogistik);
    enrol(courseList.get(4), soeren, havnelogistik.name, true);

    // the contact on Havnelogistik's invoices
    Person anneGrethe = reserved("Anne-Grethe", "Holm", "agh@havnelogistik.example", "+4516203040", havnelogistik);
    long anneGretheId = contact(havnelogistik, anneGrethe, "Økonomichef", CONTRACT, FROM_EMPLOYER, false, false,
        LocalDateTime.of(2014, 9, 3, 10, 0));
    invoice(havnelogistik, anneGrethe, LocalDate.of(2017, 11, 30), new BigDecimal("18750.00"));
    invoice(havnelogistik, anneGrethe, LocalDate.of(2022, 3, 31), new BigDecimal("42300.00"));
    invoice(havnelogistik, anneGrethe, LocalDate.of(2024, 9, 30), new BigDecimal("39875.50"));
    openCase(havnelogistik, anneGretheId, anneGrethe, "Opdatering af økonomisystem", PLAIN_NOTES[3],
        LocalDateTime.of(2023, 6, 12, 11, 20), false);

    // namesake 2: the same name, a private address, a course she signed up for herself and the newsletter
    Person birtheAtHome = reserved("Birthe", "Ravnsbæk", "birthe.r@netpost.example", "12 98 76 54", null);
    enrol(courseList.get(3), birtheAtHome, null, false);
    subscribe(birtheAtHome, "course sign-up", LocalDateTime.of(2023, 9, 1, 19, 2));

    // signed up for the newsletter on the website; her cookie consent is linked by that sign-up
    Person freja = reserved("Freja", "Dahl", "freja.dahl@minmail.example", null, null);
    subscribe(freja, "website", LocalDateTime.of(2025, 2, 11, 21, 37));

    // restricted: his contact record and his case are stored only
    Person kasper = reserved("Kasper", "Lindholm", "kasper.lindholm@kystkonsult.example", "19 31 42 53",
        kystkonsult);
    long kasperId = contact(kystkonsult, kasper, "Direktør", CONTRACT, FROM_EMPLOYER, false, true,
        LocalDateTime.of(2019, 2, 4, 9, 0));
    openCase(kystkonsult, kasperId, kasper, "Fratrådt medarbejder skal lukkes", PLAIN_NOTES[4],
        LocalDateTime.of(2024, 4, 8, 8, 30), true);

    // mixed case: the case system has the address as he typed it, the course list has it in lower case
    Person mikkel = reserved("Mikkel", "Aagaard", "Mikkel.Aagaard@Kystkonsult.example", "11 22 33 44", kystkonsult);
    contact(kystkonsult, mikkel, "Driftsansvarlig", CONTRACT, FROM_SUBJECT, false, false,
        LocalDateTime.of(2020, 6, 15, 15, 10));
    Person mikkelLowerCase = new Person(mikkel.first, mikkel.last, mikkel.email.toLowerCase(Locale.ROOT),
        mikkel.phone, kystkonsult);
    enrol(courseList.get(6), mikkelLowerCase, kystkonsult.name, false);

    // objected to the newsletter in 2024: only the hash of her address is left, on the suppression list
    Person nanna = reserved("Nanna", "Vestergaard", "nanna.vestergaard@netpost.example", null, null);
    suppress(nanna.email, LocalDateTime.of(2024, 5, 6, 12, 0));

    // held nowhere: for requests from people the company does not know
    reserved("Villads", "Ubekendt", "villads.ubekendt@postkassen.example", null, null);

    for (Company company : List.of(fjordbyg, havnelogistik, kystkonsult)) {
      company.persona = true;
    }
    return new Personas(mette, freja);
  }

  private Company persona(Company company) {
    usedDomains.add(company.domain);
    addCustomer(company);
    return company;
  }

  private Person reserved(String first, String last, String email, String phone, Company employer) {
    usedAddresses.add(email.toLowerCase(Locale.ROOT));
    return new Person(first, last, email, phone, employer);
  }

  private void addGeneratedCompany() {
    String name;
    String domain;
    do {
      String stem = COMPANY_STEMS[random.nextInt(COMPANY_STEMS.length)];
      String trade = COMPANY_TRADES[random.nextInt(COMPANY_TRADES.length)];
      name = stem + trade;
      domain = ascii(name).toLowerCase(Locale.ROOT) + ".example";
    } while (!usedDomains.add(domain));
    String legalForm = LEGAL_FORMS[random.nextInt(LEGAL_FORMS.length)];
    LocalDate since = FIRST_CUSTOMER_DAY.plusDays(random.nextInt(11 * 365));
    LocalDate until = random.nextInt(7) == 0 ? since.plusYears(2 + random.nextInt(4)) : null;
    Company company = new Company(customers.nextId(), name + " " + legalForm, domain, since, until);
    addCustomer(company);
  }

  private void addCustomer(Company company) {
    customers.add(company.id, company.name, fictitiousCvr(), company.since, company.until);
    companies.add(company);
  }

  /** Contact persons, other employees, cases, course enrolments, newsletter subscriptions and invoices. */
  private void fillCompany(Company company) {
    int contactCount = 2 + random.nextInt(5);
    List<Person> people = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < contactCount; i++) {
      Person person = newPerson(company.domain, company);
      boolean outsider = random.nextInt(5) == 0;
      String title = outsider ? OUTSIDE_TITLES[random.nextInt(OUTSIDE_TITLES.length)]
          : TITLES[random.nextInt(TITLES.length)];
      String source = random.nextInt(4) == 0 ? FROM_SUBJECT : FROM_EMPLOYER;
      boolean marketing = random.nextInt(3) == 0;
      boolean restricted = random.nextInt(60) == 0;
      LocalDateTime created = company.since.plusDays(random.nextInt(700)).atTime(8 + random.nextInt(9),
          random.nextInt(60));
      long id = contact(company, person, title, outsider ? LEGITIMATE_INTEREST : CONTRACT, source, marketing,
          restricted, created);
      people.add(person);
      ids.add(id);
      if (marketing && random.nextInt(3) > 0) {
        subscribe(person, pick("website", "event"), created.plusDays(random.nextInt(300)));
      }
      if (random.nextInt(3) == 0) {
        enrol(pickCourse(), person, company.name, random.nextBoolean());
      }
    }
    int caseCount = 2 + random.nextInt(7);
    for (int i = 0; i < caseCount; i++) {
      int reporter = random.nextInt(people.size());
      String notes = PLAIN_NOTES[random.nextInt(PLAIN_NOTES.length)];
      if (people.size() > 1 && random.nextInt(3) == 0) {
        Person other = people.get((reporter + 1 + random.nextInt(people.size() - 1)) % people.size());
        notes = String.format(Locale.ROOT, NAMING_NOTES[random.nextInt(NAMING_NOTES.length)], other.fullName());
      }
      LocalDate latest = company.until == null ? LocalDate.of(2025, 8, 31) : company.until;
      LocalDate from = company.since.isAfter(LocalDate.of(2019, 1, 1)) ? company.since : LocalDate.of(2019, 1, 1);
      if (!from.isBefore(latest)) {
        from = latest.minusDays(30);
      }
      LocalDateTime opened = from.plusDays(random.nextInt((int) (latest.toEpochDay() - from.toEpochDay()) + 1))
          .atTime(7 + random.nextInt(10), random.nextInt(60));
      openCase(company, ids.get(reporter), people.get(reporter), CASE_SUBJECTS[random.nextInt(CASE_SUBJECTS.length)],
          notes, opened, false);
    }
    int employees = random.nextInt(3);
    for (int i = 0; i < employees; i++) {
      enrol(pickCourse(), newPerson(company.domain, company), company.name, true);
    }
    int invoiceCount = 1 + random.nextInt(6);
    for (int i = 0; i < invoiceCount; i++) {
      Person contact = people.get(random.nextInt(people.size()));
      LocalDate from = company.since.isAfter(LocalDate.of(2017, 1, 1)) ? company.since : LocalDate.of(2017, 1, 1);
      LocalDate to = company.until == null ? LocalDate.of(2025, 8, 31) : company.until;
      if (!from.isBefore(to)) {
        from = to.minusDays(30);
      }
      LocalDate date = from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
      BigDecimal amount = BigDecimal.valueOf(1_500 + random.nextInt(240_000))
          .add(BigDecimal.valueOf(random.nextInt(4) * 25, 2)).setScale(2, RoundingMode.UNNECESSARY);
      invoice(company, contact, date, amount);
    }
  }

  private void addCookies(Personas personas) {
    cookie(personas.mette.email, LocalDateTime.of(2022, 5, 3, 20, 11), COOKIE_CATEGORIES[5], null);
    cookie(personas.freja.email, LocalDateTime.of(2025, 2, 11, 21, 35), COOKIE_CATEGORIES[4], null);
    List<Person> websiteSubscribers = new ArrayList<>();
    for (Person person : subscribed) {
      if (person != personas.mette && person != personas.freja && "website".equals(person.consentSource)) {
        websiteSubscribers.add(person);
      }
    }
    int linked = 0;
    for (Person person : websiteSubscribers) {
      if (random.nextInt(3) == 0) {
        cookie(person.email, person.consentAt.minusMinutes(1 + random.nextInt(5)), pick(COOKIE_CATEGORIES), null);
        linked++;
      }
    }
    for (int i = linked; i < 400; i++) {
      LocalDateTime at = dateTimeBetween(2021, 2025);
      LocalDateTime withdrawn = random.nextInt(20) == 0 ? at.plusDays(1 + random.nextInt(200)) : null;
      cookie(null, at, pick(COOKIE_CATEGORIES), withdrawn);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // rows

  private long contact(Company company, Person person, String title, String legalBasis, String source,
      boolean marketing, boolean restricted, LocalDateTime created) {
    long id = contacts.nextId();
    contacts.add(id, company.id, person.fullName(), person.email, person.phone, title, legalBasis, source,
        FROM_SUBJECT.equals(source), marketing, restricted, created);
    return id;
  }

  private void openCase(Company company, long contactId, Person reporter, String subject, String notes,
      LocalDateTime opened, boolean restricted) {
    int year = opened.getYear();
    int number = casesPerYear.merge(String.valueOf(year), 1, Integer::sum);
    LocalDateTime closed = opened.isBefore(LocalDateTime.of(2025, 8, 1, 0, 0))
        ? opened.plusHours(2 + random.nextInt(24 * 14)) : null;
    cases.add(cases.nextId(), "S-" + year + "-" + String.format(Locale.ROOT, "%04d", number), company.id, contactId,
        reporter.fullName(), reporter.email, subject, notes, opened, closed, restricted);
  }

  private long enrol(Course course, Person person, String companyName, boolean byEmployer) {
    long id = participants.nextId();
    LocalDateTime enrolled = course.heldOn.minusDays(7 + random.nextInt(50)).atTime(8 + random.nextInt(12),
        random.nextInt(60));
    Boolean attended = course.heldOn.isAfter(LocalDate.of(2025, 8, 31)) ? null : random.nextInt(8) > 0;
    participants.add(id, course.id, person.fullName(), person.email, person.phone, companyName,
        byEmployer ? LEGITIMATE_INTEREST : CONTRACT, byEmployer ? FROM_EMPLOYER : FROM_SUBJECT, !byEmployer, enrolled,
        attended, false);
    if (Boolean.TRUE.equals(attended) && !person.reservedPersona() && random.nextInt(5) < 3) {
      evaluate(course, id, person.email, 2 + random.nextInt(4), pick(EVALUATION_ANSWERS));
    }
    return id;
  }

  private void evaluate(Course course, long participantId, String email, int rating, String answers) {
    evaluations.add(evaluations.nextId(), course.id, participantId, email, rating, answers,
        course.heldOn.plusDays(1 + random.nextInt(10)).atTime(9 + random.nextInt(10), random.nextInt(60)), false);
  }

  private void subscribe(Person person, String consentSource, LocalDateTime at) {
    if (person.consentAt != null) {
      return;
    }
    person.consentAt = at;
    person.consentSource = consentSource;
    subscribed.add(person);
    subscribers.add(subscribers.nextId(), person.email, person.fullName(), at, consentSource, false);
  }

  private void suppress(String email, LocalDateTime at) {
    suppressions.add(suppressions.nextId(), sha256Hex(email.toLowerCase(Locale.ROOT)), at);
  }

  private void cookie(String signupEmail, LocalDateTime at, String categories, LocalDateTime withdrawn) {
    String cookieId;
    do {
      cookieId = HexFormat.of().formatHex(randomBytes(16));
    } while (!usedCookieIds.add(cookieId));
    cookies.add(cookies.nextId(), cookieId, categories, at, withdrawn, signupEmail, false);
  }

  private void invoice(Company company, Person contact, LocalDate date, BigDecimal amount) {
    // MICO's financial year runs from 1 July to 30 June
    LocalDate yearEnd = date.getMonthValue() <= 6 ? LocalDate.of(date.getYear(), 6, 30)
        : LocalDate.of(date.getYear() + 1, 6, 30);
    int number = invoicesPerYear.merge(String.valueOf(date.getYear()), 1, Integer::sum);
    invoices.add(invoices.nextId(), "F" + date.getYear() + "-" + String.format(Locale.ROOT, "%04d", number),
        company.id, contact.fullName(), contact.email, amount, date, yearEnd, false);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // people

  private Person newPerson(String domain, Company employer) {
    String first;
    String last;
    do {
      first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
      last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
    } while (PERSONA_NAMES.contains(first + " " + last));
    String email = address(first, last, domain);
    return new Person(first, last, email, phone(), employer);
  }

  private static final Set<String> PERSONA_NAMES = Set.of("Mette Kjærgaard Sørensen", "Ida Bøgh", "Birthe Ravnsbæk",
      "Jens Østergaard", "Søren Bækgaard", "Anne-Grethe Holm", "Freja Dahl", "Kasper Lindholm", "Mikkel Aagaard",
      "Nanna Vestergaard", "Villads Ubekendt");

  private String address(String first, String last, String domain) {
    String f = ascii(first).toLowerCase(Locale.ROOT);
    String l = ascii(last).toLowerCase(Locale.ROOT);
    String local = switch (random.nextInt(5)) {
      case 0, 1 -> f + "." + l;
      case 2 -> f.charAt(0) + l;
      case 3 -> f + l.charAt(0);
      default -> f + "." + l + (random.nextInt(90) + 10);
    };
    String candidate = local + "@" + domain;
    for (int n = 2; !usedAddresses.add(candidate.toLowerCase(Locale.ROOT)); n++) {
      candidate = local + n + "@" + domain;
    }
    int style = random.nextInt(14);
    if (style == 0) {
      // typed with capitals, as people do
      candidate = capitalise(candidate.substring(0, candidate.indexOf('@'))) + candidate.substring(
          candidate.indexOf('@'));
    } else if (style == 1) {
      candidate = candidate.toUpperCase(Locale.ROOT);
    }
    return candidate;
  }

  private String phone() {
    if (random.nextInt(7) == 0) {
      return null;
    }
    String digits = "1" + (1_000_000 + random.nextInt(9_000_000));
    String spaced = digits.substring(0, 2) + " " + digits.substring(2, 4) + " " + digits.substring(4, 6) + " "
        + digits.substring(6, 8);
    return switch (random.nextInt(4)) {
      case 0 -> "+45 " + spaced;
      case 1 -> digits;
      case 2 -> spaced;
      default -> "+45" + digits;
    };
  }

  /** Eight digits that fail the CVR modulus-11 check: no real company has them. */
  private String fictitiousCvr() {
    int[] weights = {2, 7, 6, 5, 4, 3, 2, 1};
    while (true) {
      String cvr = String.valueOf(10_000_000 + random.nextInt(90_000_000));
      int sum = 0;
      for (int i = 0; i < 8; i++) {
        sum += (cvr.charAt(i) - '0') * weights[i];
      }
      if (sum % 11 != 0) {
        return cvr;
      }
    }
  }

  private Course pickCourse() {
    return courseList.get(random.nextInt(courseList.size()));
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  private LocalDateTime dateTimeBetween(int firstYear, int lastYear) {
    LocalDate from = LocalDate.of(firstYear, 1, 1);
    LocalDate to = LocalDate.of(lastYear, 8, 31);
    return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1))
        .atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60));
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  static String ascii(String text) {
    return text.replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace("Æ", "Ae").replace("Ø", "Oe")
        .replace("Å", "Aa").replace("-", "").replace(" ", "");
  }

  private static String capitalise(String local) {
    StringBuilder out = new StringBuilder(local.length());
    boolean upper = true;
    for (char c : local.toCharArray()) {
      out.append(upper ? Character.toUpperCase(c) : c);
      upper = c == '.';
    }
    return out.toString();
  }

  static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static final class Company {
    final long id;
    final String name;
    final String domain;
    final LocalDate since;
    final LocalDate until;
    boolean persona;

    Company(long id, String name, String domain, LocalDate since, LocalDate until) {
      this.id = id;
      this.name = name;
      this.domain = domain;
      this.since = since;
      this.until = until;
    }
  }

  private static final class Person {
    final String first;
    final String last;
    final String email;
    final String phone;
    final Company employer;
    LocalDateTime consentAt;
    String consentSource;

    Person(String first, String last, String email, String phone, Company employer) {
      this.first = first;
      this.last = last;
      this.email = email;
      this.phone = phone;
      this.employer = employer;
    }

    String fullName() {
      return first + " " + last;
    }

    boolean reservedPersona() {
      return PERSONA_NAMES.contains(fullName());
    }
  }

  private record Course(long id, LocalDate heldOn) {}

  private record Personas(Person mette, Person freja) {}

  /** Rows of one table, inserted in one batch; ids count from 1. */
  private static final class Table {
    private final String name;
    private final String[] columns;
    private final List<Object[]> rows = new ArrayList<>();
    private long lastId;

    Table(String name, String... columns) {
      this.name = name;
      this.columns = columns;
    }

    long nextId() {
      return lastId + 1;
    }

    void add(long id, Object... values) {
      if (id != lastId + 1 || values.length != columns.length) {
        throw new IllegalStateException(name + ": row " + id + " out of order or with the wrong number of values");
      }
      Object[] row = new Object[values.length + 1];
      row[0] = id;
      System.arraycopy(values, 0, row, 1, values.length);
      rows.add(row);
      lastId = id;
    }

    void insertInto(Connection connection) throws SQLException {
      String sql = "insert into " + name + " (id, " + String.join(", ", columns) + ") values ("
          + "?, ".repeat(columns.length) + "?)";
      try (PreparedStatement insert = connection.prepareStatement(sql)) {
        for (Object[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            insert.setObject(i + 1, row[i]);
          }
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }
}
