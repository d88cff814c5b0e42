package dk.mico.rightsdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.mico.rightsdesk.access.AccessCompiler;
import dk.mico.rightsdesk.access.AccessReview;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.systems.CompanyProperties.Access;
import dk.mico.rightsdesk.systems.CompanyProperties.RecordDeclaration;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import dk.mico.rightsdesk.systems.CompanyProperties.Text;
import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Issue 13: a reader gets only their own language. Every letter kind (every template under letters/da and
 * letters/en), every message a letter is built from, and the access report for a demo persona are rendered in Danish
 * and in English, and none may hold a word of the other language (a word list per language, and every declaration
 * text of the other language), a raw column or table name, an ISO date or a {0}-style leftover.
 */
@RightsDeskSpringTest
class ReadersLanguageTests {

  /** Words that occur in English and never in Danish text. */
  private static final Set<String> ENGLISH = Set.of("the", "and", "you", "your", "we", "our", "please", "dear",
      "request", "requests", "erased", "kept", "with", "from", "has", "not", "which", "this", "that", "will",
      "of", "record", "records", "passages", "data subject", "case management", "job title",
      "phone number", "e-mail address", "consent time", "legitimate interest");
  /** Words that occur in Danish and never in English text. */
  private static final Set<String> DANISH = Set.of("og", "ikke", "vi", "du", "dig", "din", "dine", "vores", "har",
      "med", "fra", "eller", "kære", "venligst", "anmodning", "anmodninger", "oplysninger", "slettet", "gemt", "som",
      "efter", "hvor", "post", "poster", "passager", "databeskyttelsesrådgiveren", "suspenderet", "stk", "litra");
  private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
  private static final Pattern LEFTOVER = Pattern.compile("\\{\\d+[^}]*}|\\?\\?[\\w.]+\\?\\?|\\$\\{|#\\{");
  /** What is not language: web addresses, e-mail addresses, references. */
  private static final Pattern NOT_WORDS =
      Pattern.compile("https?://\\S+|[\\w.+-]+@[\\w.-]+|DSR-\\d{4}-\\d{5}|support@|gdpr@");
  private static final String PERSONA = "mette.sorensen@fjordbyg.example";
  private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

  @Autowired LetterComposer composer;
  @Autowired MessageSource messages;
  @Autowired CompanySystems systems;
  @Autowired RequestLifecycle lifecycle;
  @Autowired AccessCompiler compiler;
  @Autowired AccessReview review;
  @Autowired OfficerApi api;
  @Autowired TestDriver driver;

  /** Every problem a test found, reported together. */
  private final List<String> problems = new ArrayList<>();

  @BeforeEach
  void reset() {
    driver.reset();
    problems.clear();
  }

  @ParameterizedTest
  @ValueSource(strings = {"da", "en"})
  void everyLetterKindIsWhollyInTheReadersLanguage(String language) throws Exception {
    Locale locale = Locale.forLanguageTag(language);
    DataSubjectRequest request = lifecycle.get(submit("ERASURE", language));
    Set<String> templates = templates(language);
    Set<String> composed = new LinkedHashSet<>();
    for (LetterKind kind : LetterKind.values()) {
      LetterComposer.Composed letter = composer.compose(request, kind, model(language, request));
      composed.add(kind.template());
      checkInLanguage(kind + " (" + language + ")", letter.subjectLine() + "\n" + letter.body(), locale);
    }
    assertThat(problems).isEmpty();
    // signature and complaint are inserted into the others
    templates.removeAll(List.of("signature", "complaint"));
    assertThat(composed).as("every template under letters/" + language + " is a letter kind")
        .containsAll(templates);
  }

  /**
   * A request registered from an e-mail that gave no name has the sender's address for a name: the letters greet the
   * reader without it, and a named reader by name.
   */
  @ParameterizedTest
  @ValueSource(strings = {"da", "en"})
  void aReaderWhoGaveNoNameIsNotGreetedByTheirAddress(String language) throws Exception {
    boolean da = language.equals("da");
    DataSubjectRequest unnamed = lifecycle.get(api.register("""
        {"type": "ACCESS", "name": "ole.brandt@example.com", "email": "ole.brandt@example.com", "language": "%s",
         "channel": "EMAIL", "receivedAt": "%s", "identityVerified": true,
         "identityNote": "Wrote from the address we hold"}""".formatted(language, TestClock.now().minusSeconds(60))));
    DataSubjectRequest named = lifecycle.get(submit("ACCESS", language));

    for (LetterKind kind : List.of(LetterKind.ACKNOWLEDGEMENT, LetterKind.ANSWER)) {
      assertThat(composer.compose(unnamed, kind, model(language, unnamed)).body())
          .startsWith(da ? "Goddag\n" : "Dear Sir or Madam\n").doesNotContain("ole.brandt@example.com\n");
      assertThat(composer.compose(named, kind, model(language, named)).body())
          .startsWith((da ? "Kære " : "Dear ") + "Mette Kjærgaard Sørensen\n");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"da", "en"})
  void everyMessageALetterIsBuiltFromIsWhollyInTheReadersLanguage(String language) {
    Locale locale = Locale.forLanguageTag(language);
    SystemDeclaration system = systems.systems().get(0);
    RecordDeclaration record = system.records().get(0);
    Object[] args = {system.name(locale), 2, String.join(", ", record.categories(locale)),
        system.retention(locale), Wording.date(TestClock.now().atZone(COPENHAGEN).toLocalDate(), locale)};
    Object[] counts = {2, 2, 2, 2, 2};
    for (String key : letterMessageKeys()) {
      String text;
      try {
        text = messages.getMessage(key, args, locale);
      } catch (IllegalArgumentException countExpected) {
        text = messages.getMessage(key, counts, locale); // a plural: its first argument is a number
      }
      checkInLanguage(key + " (" + language + ")", text, locale);
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"da", "en"})
  void theAccessReportIsWhollyInTheReadersLanguage(String language) throws Exception {
    Locale locale = Locale.forLanguageTag(language);
    String reference = submit("ACCESS", language);
    for (SystemDeclaration system : systems.systems()) {
      if (system.accessMode() == Access.JDBC) {
        compiler.compileSystem(reference, system.id());
      } else {
        compiler.recordManualSearch(reference, system.id(), false, null, "officer");
      }
    }
    String html = review.draft(reference).reportHtml();
    assertThat(ISO_DATE.matcher(html).find()).as("an ISO date in the report: " + html).isFalse();
    // the subject's own data is shown as held; everything around it is checked
    String text = html.replaceAll("(?s)<td class=\"value\">.*?</td>", " ")
        .replaceAll("(?s)<style.*?</style>", " ")
        .replaceAll("<[^>]+>", " ")
        .replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
    assertThat(text).as("the report lists records").contains(Wording.articles("6(1)(b)", locale));
    checkInLanguage("access report (" + language + ")", text, locale);
    assertThat(problems).isEmpty();
  }

  private String submit(String type, String language) throws Exception {
    return api.submitPublic("""
        {"type": "%s", "name": "Mette Kjærgaard Sørensen", "email": "%s", "language": "%s"}"""
        .formatted(type, PERSONA, language));
  }

  /** Every variable any letter template uses, with values a real letter would get. */
  private static Map<String, Object> model(String language, DataSubjectRequest request) {
    boolean da = language.equals("da");
    Map<String, Object> model = new HashMap<>();
    model.put("confirmationLink", "http://localhost:8080/confirm/token");
    model.put("linkedReferences", List.of("DSR-2026-00002"));
    model.put("linkExpiresAt", TestClock.now().plus(Duration.ofDays(7)));
    model.put("statusLink", "http://localhost:8080/status/token");
    model.put("replyLink", "http://localhost:8080/identity-reply/token");
    model.put("whatIsNeeded", da ? "Din fødselsdato og din postadresse." : "Your date of birth and postal address.");
    model.put("replyDueDate", Wording.date(TestClock.now().atZone(COPENHAGEN).toLocalDate().plusDays(14),
        Locale.forLanguageTag(language)));
    model.put("clockPaused", true);
    model.put("downloadLink", "http://localhost:8080/download/token");
    model.put("downloadExpiresAt", TestClock.now().plus(Duration.ofDays(30)));
    model.put("downloadCode", new SecretCode("12345678"));
    model.put("maxWrongCodes", 5);
    model.put("liftReason", da ? "Vi har rettet oplysningerne." : "We have corrected the data.");
    model.put("liftOn", Wording.date(TestClock.now().atZone(COPENHAGEN).toLocalDate().plusDays(7),
        Locale.forLanguageTag(language)));
    model.put("feeAmount", 250);
    model.put("extensionReasonCode", "COMPLEXITY");
    model.put("extensionReason", da ? "Dine oplysninger ligger i mange systemer." : "Your data is in many systems.");
    model.put("ground", "EXCESSIVE");
    model.put("duplicateOf", "DSR-2026-00001");
    model.put("customerName", "Fjordbyg A/S");
    model.put("customerEmail", "privacy@fjordbyg.example");
    model.put("customerAddress", "Havnegade 1, 8000 Aarhus C");
    return model;
  }

  private static Set<String> templates(String language) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    for (Resource resource : new PathMatchingResourcePatternResolver()
        .getResources("classpath:templates/letters/" + language + "/*.txt")) {
      names.add(resource.getFilename().replace(".txt", ""));
    }
    assertThat(names).as("letter templates in " + language).isNotEmpty();
    return names;
  }

  /** The message keys letters are built from: the rights, the answers' lines, the reasons, the letters' parts. */
  private static List<String> letterMessageKeys() {
    Properties danish = new Properties();
    try (InputStream in = ReadersLanguageTests.class.getResourceAsStream("/messages.properties")) {
      danish.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> prefixes = List.of("right.", "rights.", "auto.", "access.answer.", "access.report.", "access.source.",
        "access.role.", "access.value.", "portability.", "review.reason.", "letter.", "deadlines.extension.reason.",
        "outcome.");
    List<String> keys = new ArrayList<>();
    for (String key : danish.stringPropertyNames()) {
      if (prefixes.stream().anyMatch(key::startsWith)) {
        keys.add(key);
      }
    }
    assertThat(keys).hasSizeGreaterThan(50);
    return keys.stream().sorted().toList();
  }

  /** Notes each way the text fails its reader: placeholders, ISO dates, raw names, the other language's words. */
  private void checkInLanguage(String what, String text, Locale locale) {
    boolean danish = locale.getLanguage().equals("da");
    if (LEFTOVER.matcher(text).find()) {
      problems.add(what + " has a placeholder left: " + text);
    }
    if (ISO_DATE.matcher(text).find()) {
      problems.add(what + " has an ISO date: " + text);
    }
    String words = NOT_WORDS.matcher(text).replaceAll(" ");
    for (String column : rawNames()) {
      if (words.contains(column)) {
        problems.add(what + " names the raw column or table " + column);
      }
    }
    List<String> foreign = new ArrayList<>();
    for (String word : danish ? ENGLISH : DANISH) {
      if (containsWord(words, word)) {
        foreign.add(word);
      }
    }
    for (String declared : otherLanguageDeclarations(danish)) {
      if (containsWord(words, declared)) {
        foreign.add(declared);
      }
    }
    if (!foreign.isEmpty()) {
      problems.add(what + " holds words of the other language " + foreign + ": " + text);
    }
  }

  private static boolean containsWord(String text, String word) {
    return Pattern.compile("(?<![\\p{L}\\d-])" + Pattern.quote(word) + "(?![\\p{L}\\d-])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
  }

  /** Table names and every declared column name with an underscore (plain words like "email" are ordinary words). */
  private Set<String> rawNames() {
    Set<String> names = new LinkedHashSet<>();
    for (SystemDeclaration system : systems.systems()) {
      for (RecordDeclaration record : system.records()) {
        names.add(record.table());
        record.exportColumns().stream().filter(c -> c.contains("_")).forEach(names::add);
      }
    }
    return names;
  }

  /** Every declaration text of the other language that is not also this language's text. */
  private List<String> otherLanguageDeclarations(boolean danishReader) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (SystemDeclaration system : systems.systems()) {
      for (Text text : Arrays.asList(system.name(), system.activity(), system.purpose(), system.source(),
          system.retention())) {
        if (text != null) {
          texts.put(danishReader ? text.en() : text.da(), danishReader ? text.da() : text.en());
        }
      }
      for (RecordDeclaration record : system.records()) {
        List<String> da = record.categories().da();
        List<String> en = record.categories().en();
        for (int i = 0; i < da.size(); i++) {
          texts.put(danishReader ? en.get(i) : da.get(i), danishReader ? da.get(i) : en.get(i));
        }
        record.labels().values()
            .forEach(l -> texts.put(danishReader ? l.en() : l.da(), danishReader ? l.da() : l.en()));
        if (record.retention() != null && record.retention().law() != null) {
          Text law = record.retention().law();
          texts.put(danishReader ? law.en() : law.da(), danishReader ? law.da() : law.en());
        }
      }
    }
    Set<String> own = new LinkedHashSet<>(texts.values());
    List<String> other = new ArrayList<>();
    texts.keySet().stream().filter(t -> own.stream().noneMatch(o -> o.equalsIgnoreCase(t)))
        .forEach(other::add);
    return other;
  }
}
