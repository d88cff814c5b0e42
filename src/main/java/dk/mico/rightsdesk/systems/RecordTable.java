package dk.mico.rightsdesk.systems;

import dk.mico.rightsdesk.systems.CompanyProperties.RecordDeclaration;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import dk.mico.rightsdesk.systems.SystemChange.Action;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * The SQL for one declared table. Table and column names come only from declarations that {@link DeclarationRules}
 * accepted as plain identifiers; every value is a bind parameter.
 */
final class RecordTable {

  /**
   * The most record ids one statement lists in its {@code IN}: one statement for a person's 10,000 records ran past
   * the query timeout, and some databases refuse long lists (Oracle more than 1,000).
   */
  static final int IDS_PER_STATEMENT = 500;

  private final SystemId system;
  private final SystemDeclaration systemDeclaration;
  private final RecordDeclaration declaration;
  private final JdbcClient jdbc;
  private final int pageSize;
  private volatile Function<String, Object> idType;

  RecordTable(SystemDeclaration systemDeclaration, RecordDeclaration declaration, JdbcClient jdbc, int pageSize) {
    this.system = systemDeclaration.systemId();
    this.systemDeclaration = systemDeclaration;
    this.declaration = declaration;
    this.jdbc = jdbc;
    this.pageSize = pageSize;
  }

  RecordDeclaration declaration() {
    return declaration;
  }

  String table() {
    return declaration.table();
  }

  // ---- lookup

  List<Finding> lookup(Identifiers who) {
    String emailColumn = blankToNull(declaration.identifiers().email());
    String phoneColumn = blankToNull(declaration.identifiers().phone());
    String email = emailColumn == null ? null : who.normalisedEmail();
    String phone = phoneColumn == null ? null : Matching.phone(who.phone());
    String name = blankToNull(declaration.personName()) == null ? null : Matching.name(who.name());
    List<String> givenEmails = emailColumn == null ? List.of() : who.given("email").stream()
        .map(Identifiers::normaliseEmail).filter(Objects::nonNull).distinct().toList();
    List<String> givenPhones = phoneColumn == null ? List.of() : who.given("phone").stream()
        .map(Matching::phone).filter(Objects::nonNull).distinct().toList();
    Map<String, List<String>> givenOther = new LinkedHashMap<>();
    declaration.identifiers().other().forEach((kind, column) -> {
      List<String> values = who.given(kind).stream().map(Matching::text).filter(Objects::nonNull).distinct().toList();
      if (!values.isEmpty()) {
        givenOther.put(kind, values);
      }
    });
    if (email == null && phone == null && name == null && givenEmails.isEmpty() && givenPhones.isEmpty()
        && givenOther.isEmpty()) {
      return List.of();
    }
    var columns = new LinkedHashSet<String>();
    columns.add(declaration.idColumn());
    List<String> wanted = new ArrayList<>(List.of(nullToEmpty(emailColumn), nullToEmpty(phoneColumn),
        nullToEmpty(declaration.personName()), nullToEmpty(declaration.legalBasisColumn()),
        nullToEmpty(declaration.sourceColumn()), nullToEmpty(declaration.portableColumn()),
        nullToEmpty(declaration.restrictColumn())));
    givenOther.keySet().forEach(kind -> wanted.add(declaration.identifiers().other().get(kind)));
    for (String column : wanted) {
      if (!column.isEmpty()) {
        columns.add(column);
      }
    }
    List<String> conditions = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    List<String> emails = new ArrayList<>(givenEmails);
    if (email != null) {
      emails.add(email);
    }
    if (!emails.isEmpty()) {
      conditions.add(normalisedEmail(emailColumn) + " IN (:emails)");
      params.put("emails", emails);
    }
    List<String> phoneForms = new ArrayList<>();
    if (phone != null) {
      phoneForms.addAll(Matching.phoneForms(phone));
    }
    givenPhones.forEach(p -> phoneForms.addAll(Matching.phoneForms(p)));
    if (!phoneForms.isEmpty()) {
      conditions.add(strippedPhone(phoneColumn) + " IN (:phones)");
      params.put("phones", phoneForms);
    }
    if (name != null) {
      conditions.add(lowerCased(declaration.personName()) + " LIKE :name ESCAPE '\\'");
      params.put("name", Matching.nameLikePattern(name));
    }
    int n = 0;
    for (var entry : givenOther.entrySet()) {
      for (String value : entry.getValue()) {
        String param = "other" + n++;
        conditions.add(lowerCased(declaration.identifiers().other().get(entry.getKey())) + " LIKE :" + param
            + " ESCAPE '\\'");
        params.put(param, Matching.nameLikePattern(value));
      }
    }
    List<String> columnList = List.copyOf(columns);
    String sql = "SELECT " + String.join(", ", columnList) + " FROM " + table() + " WHERE "
        + String.join(" OR ", conditions);
    List<Finding> findings = jdbc.sql(sql).params(params).query((rs, i) -> {
      Map<String, Object> row = new HashMap<>();
      for (int c = 0; c < columnList.size(); c++) {
        row.put(columnList.get(c), rs.getObject(c + 1));
      }
      return finding(row, email, phone, name, givenEmails, givenPhones, givenOther);
    }).list();
    return findings.stream().filter(Objects::nonNull).toList();
  }

  /**
   * The record as a finding: by a verified identifier, or as a candidate by what was given and matched exactly
   * (kinds listed); null where nothing matches exactly (the database's search is wider than the comparison).
   */
  private Finding finding(Map<String, Object> row, String email, String phone, String name, List<String> givenEmails,
      List<String> givenPhones, Map<String, List<String>> givenOther) {
    String storedEmail = declaration.identifiers().email() == null ? null
        : Identifiers.normaliseEmail(text(row.get(declaration.identifiers().email())));
    String storedPhone = declaration.identifiers().phone() == null ? null
        : Matching.phone(text(row.get(declaration.identifiers().phone())));
    if (email != null && email.equals(storedEmail)) {
      return finding(row, MatchedBy.EMAIL, List.of("email"));
    }
    if (phone != null && phone.equals(storedPhone)) {
      return finding(row, MatchedBy.PHONE, List.of("phone"));
    }
    List<String> matchedOn = new ArrayList<>();
    if (name != null && name.equals(Matching.name(text(row.get(declaration.personName()))))) {
      matchedOn.add("name");
    }
    if (storedEmail != null && givenEmails.contains(storedEmail)) {
      matchedOn.add("email");
    }
    if (storedPhone != null && givenPhones.contains(storedPhone)) {
      matchedOn.add("phone");
    }
    givenOther.forEach((kind, values) -> {
      if (values.contains(Matching.text(text(row.get(declaration.identifiers().other().get(kind)))))) {
        matchedOn.add(kind);
      }
    });
    if (matchedOn.isEmpty()) {
      return null;
    }
    return finding(row, matchedOn.equals(List.of("name")) ? MatchedBy.NAME_ONLY : MatchedBy.GIVEN, matchedOn);
  }

  private Finding finding(Map<String, Object> row, MatchedBy matchedBy, List<String> matchedOn) {
    String legalBasis = declaration.legalBasisColumn() == null ? null : text(row.get(declaration.legalBasisColumn()));
    String source = declaration.sourceColumn() == null ? null : text(row.get(declaration.sourceColumn()));
    Boolean portable =
        declaration.portableColumn() == null ? null : Matching.bool(row.get(declaration.portableColumn()));
    boolean restricted = declaration.restrictColumn() != null
        && Boolean.TRUE.equals(Matching.bool(row.get(declaration.restrictColumn())));
    return new Finding(system, table(), text(row.get(declaration.idColumn())), declaration.staffCategories(),
        legalBasis == null || legalBasis.isBlank() ? systemDeclaration.legalBasis() : legalBasis,
        source == null || source.isBlank() ? null : source,
        portable, restricted, declaration.consentOnly(), matchedBy, matchedOn);
  }

  /**
   * The e-mail column as the lookup compares it. This and the two below are the expressions of the lookup's OR'd
   * conditions: an index on exactly this text (a trigram index on the lower-cased column) lets PostgreSQL read each
   * condition from its index and combine them, so {@link IdentifierIndexes} proposes indexes on them.
   */
  static String normalisedEmail(String column) {
    return "LOWER(TRIM(" + column + "))";
  }

  /** The name or another kind's column as the lookup searches it for words ({@code LIKE '%jens%hansen%'}). */
  static String lowerCased(String column) {
    return "LOWER(" + column + ")";
  }

  /** The phone column without the separators {@link Matching#PHONE_SEPARATORS}, in their order. */
  static String strippedPhone(String column) {
    String expression = column;
    for (String separator : Matching.PHONE_SEPARATORS) {
      expression = "REPLACE(" + expression + ", '" + separator + "', '')";
    }
    return expression;
  }

  /**
   * Every name the table's person-name column holds (none when it declares no such column), a page of rows at a
   * time in the order of the id column: each page starts after the last id of the one before, so that a statement
   * reads along the id's index and never more than a page, however large the table.
   */
  void personNames(Consumer<List<String>> page) {
    String column = blankToNull(declaration.personName());
    if (column == null) {
      return;
    }
    String id = declaration.idColumn();
    String first = "SELECT " + id + ", " + column + " FROM " + table() + " WHERE " + column + " IS NOT NULL";
    String order = " ORDER BY " + id + " OFFSET 0 ROWS FETCH NEXT :pageSize ROWS ONLY";
    Object after = null;
    while (true) {
      List<Object> ids = new ArrayList<>();
      List<String> names = new ArrayList<>();
      jdbc.sql(after == null ? first + order : first + " AND " + id + " > :after" + order)
          .params(after == null ? Map.of("pageSize", pageSize) : Map.of("pageSize", pageSize, "after", after))
          .query((ResultSet rs) -> {
            ids.add(rs.getObject(1));
            names.add(rs.getString(2));
          });
      if (!names.isEmpty()) {
        page.accept(names);
      }
      if (ids.size() < pageSize) {
        return;
      }
      after = ids.get(ids.size() - 1);
    }
  }

  // ---- export

  List<ExportedRecord> export(Collection<String> recordIds) {
    List<String> columns = declaration.exportColumns();
    String sql = "SELECT " + declaration.idColumn() + ", " + String.join(", ", columns) + " FROM " + table()
        + " WHERE " + declaration.idColumn() + " IN (:ids)";
    Map<String, ExportedRecord> byId = new HashMap<>();
    for (List<Object> ids : chunks(ids(recordIds))) {
      jdbc.sql(sql).param("ids", ids).query((ResultSet rs) -> {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          values.put(columns.get(i), plain(JdbcUtils.getResultSetValue(rs, i + 2)));
        }
        String id = text(rs.getObject(1));
        byId.put(id, new ExportedRecord(system, table(), id, values));
      });
    }
    return recordIds.stream().distinct().map(byId::get).filter(Objects::nonNull).toList();
  }

  private static Object plain(Object value) {
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime();
    }
    if (value instanceof Date d) {
      return d.toLocalDate();
    }
    if (value instanceof Time t) {
      return t.toLocalTime();
    }
    return value;
  }

  /** A date column of these records, by record id; ids that do not exist, or have no date, are left out. */
  Map<String, LocalDate> dates(Collection<String> recordIds, String column) {
    Map<String, LocalDate> dates = new LinkedHashMap<>();
    for (List<Object> ids : chunks(ids(recordIds))) {
      jdbc.sql("SELECT " + declaration.idColumn() + ", " + column + " FROM " + table() + " WHERE "
              + declaration.idColumn() + " IN (:ids)")
          .param("ids", ids)
          .query(rs -> {
            Date date = rs.getDate(2);
            if (date != null) {
              dates.put(text(rs.getObject(1)), date.toLocalDate());
            }
          });
    }
    return dates;
  }

  // ---- changes: each one first finds the records still to change, then changes exactly those

  SystemChange delete(Collection<String> recordIds) {
    List<String> changed = matching(recordIds, "1 = 1", Map.of());
    if (!changed.isEmpty()) {
      jdbc.sql("DELETE FROM " + table() + " WHERE " + declaration.idColumn() + " IN (:ids)")
          .param("ids", ids(changed))
          .update();
    }
    return change(changed, List.of(), Action.DELETED);
  }

  /**
   * Overwrites the declared columns. A consent log that keeps proof of consent first records when the consent ended,
   * where it had not ended already, so the proof holds without the person.
   */
  SystemChange anonymise(Collection<String> recordIds, LocalDateTime now) {
    List<Object> ids = ids(recordIds);
    if (declaration.keepsProofOfConsent() && !ids.isEmpty()) {
      String column = declaration.withdrawnColumn();
      jdbc.sql("UPDATE " + table() + " SET " + column + " = :now WHERE " + declaration.idColumn() + " IN (:ids) AND "
              + column + " IS NULL")
          .param("now", now)
          .param("ids", ids)
          .update();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    declaration.anonymise().forEach((column, value) -> values.put(column, blankToNull(value)));
    return set(recordIds, values, Action.ANONYMISED);
  }

  SystemChange setFlag(Collection<String> recordIds, String column, boolean value, Action action) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(column, value);
    return set(recordIds, values, action);
  }

  SystemChange rectify(String recordId, String column, String newValue) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(column, newValue);
    return set(List.of(recordId), values, Action.RECTIFIED);
  }

  /** The records that hold the (normalised) address and whose marketing-column is not off. */
  List<String> marketingRecords(String email) {
    String column = declaration.marketingColumn();
    return jdbc.sql("SELECT " + declaration.idColumn() + " FROM " + table() + " WHERE "
            + normalisedEmail(declaration.identifiers().email()) + " = :email AND (" + column + " IS NULL OR "
            + column + " <> :no) ORDER BY " + declaration.idColumn())
        .param("email", email)
        .param("no", false)
        .query((rs, n) -> text(rs.getObject(1)))
        .list();
  }

  private SystemChange set(Collection<String> recordIds, Map<String, Object> values, Action action) {
    List<String> assignments = new ArrayList<>();
    List<String> differs = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    int i = 0;
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      String column = entry.getKey();
      if (entry.getValue() == null) {
        assignments.add(column + " = NULL");
        differs.add(column + " IS NOT NULL");
      } else {
        String param = "v" + i++;
        assignments.add(column + " = :" + param);
        differs.add("(" + column + " IS NULL OR " + column + " <> :" + param + ")");
        params.put(param, entry.getValue());
      }
    }
    String pending = String.join(" OR ", differs);
    List<String> changed = matching(recordIds, pending, params);
    if (!changed.isEmpty()) {
      jdbc.sql("UPDATE " + table() + " SET " + String.join(", ", assignments) + " WHERE "
              + declaration.idColumn() + " IN (:ids) AND (" + pending + ")")
          .params(params)
          .param("ids", ids(changed))
          .update();
    }
    return change(changed, List.copyOf(values.keySet()), action);
  }

  /** The ids among these of records that exist and (still) meet an SQL condition on their own row. */
  List<String> matching(Collection<String> recordIds, String condition, Map<String, Object> params) {
    List<Object> ids = ids(recordIds);
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + declaration.idColumn() + " FROM " + table() + " WHERE " + declaration.idColumn()
            + " IN (:ids) AND (" + condition + ") ORDER BY " + declaration.idColumn())
        .params(params)
        .param("ids", ids)
        .query((rs, n) -> text(rs.getObject(1)))
        .list();
  }

  private SystemChange change(List<String> recordIds, List<String> columns, Action action) {
    return new SystemChange(system, table(), recordIds, declaration.staffCategories(), columns, action);
  }

  /** Record ids arrive as text; the database wants them in the id column's type. */
  private List<Object> ids(Collection<String> recordIds) {
    if (recordIds == null || recordIds.isEmpty()) {
      return List.of();
    }
    Function<String, Object> convert = idType();
    return recordIds.stream().filter(Objects::nonNull).distinct().map(convert).collect(Collectors.toList());
  }

  /** Ids in lists of at most {@link #IDS_PER_STATEMENT}, one statement each; none for no ids. */
  private static List<List<Object>> chunks(List<Object> ids) {
    List<List<Object>> chunks = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
      chunks.add(ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT)));
    }
    return chunks;
  }

  private Function<String, Object> idType() {
    Function<String, Object> type = idType;
    if (type == null) {
      String className = jdbc.sql("SELECT " + declaration.idColumn() + " FROM " + table() + " WHERE 1 = 0")
          .query((ResultSetExtractor<String>) rs -> rs.getMetaData().getColumnClassName(1));
      type = converter(className);
      idType = type;
    }
    return type;
  }

  private Function<String, Object> converter(String className) {
    return switch (className == null ? "" : className) {
      case "java.lang.Long", "java.lang.Integer", "java.lang.Short", "java.lang.Byte" ->
          id -> number(id, Long::valueOf);
      case "java.math.BigDecimal", "java.math.BigInteger" -> id -> number(id, BigDecimal::new);
      case "java.util.UUID" -> id -> number(id, UUID::fromString);
      default -> id -> id;
    };
  }

  private Object number(String id, Function<String, Object> parse) {
    try {
      return parse.apply(id.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "a record id of " + system + "." + table() + " is not of its id column's type");
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
