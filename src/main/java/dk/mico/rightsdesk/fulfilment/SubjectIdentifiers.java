package dk.mico.rightsdesk.fulfilment;

import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.TextRules;
import dk.mico.rightsdesk.systems.CompanySystems;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Further identifiers the officer has for the subject (a phone number, another e-mail address, a postal address, a
 * company, or any kind a system declares), kept with the request. They prove nothing: what they find in a system is a
 * candidate for the officer's decision.
 */
@Service
public class SubjectIdentifiers {

  /** The kind a request's own postal address has; systems declare it as {@code identifiers.other.postal-address}. */
  public static final String POSTAL_ADDRESS = "postal-address";

  private static final int MAX_LENGTH = 500;

  /** An identifier the officer added. */
  public record Added(String kind, String value, String addedBy) {}

  private final JdbcClient jdbc;
  private final RequestLifecycle lifecycle;
  private final CompanySystems systems;
  private final Clock clock;

  SubjectIdentifiers(JdbcClient jdbc, RequestLifecycle lifecycle, CompanySystems systems, Clock clock) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.systems = systems;
    this.clock = clock;
  }

  /** The kinds an officer can add: e-mail, phone and every kind a system declares. */
  public List<String> kinds() {
    var kinds = new TreeSet<String>(List.of("email", "phone", POSTAL_ADDRESS));
    systems.systems().forEach(system -> system.records().forEach(r -> kinds.addAll(r.identifiers().other().keySet())));
    return List.copyOf(kinds);
  }

  /** Adds one identifier to the request; a bad kind or value is named and nothing is stored. */
  @Transactional
  public void add(String reference, String kind, String value, String officer) {
    DataSubjectRequest request = lifecycle.get(reference);
    List<Violation> bad = new ArrayList<>();
    if (kind == null || !kinds().contains(kind)) {
      bad.add(new Violation("identifierKind", "choose one of " + kinds()));
    }
    if (value == null || value.isBlank()) {
      bad.add(new Violation("identifierValue", "is required"));
    } else if (value.strip().length() > MAX_LENGTH) {
      bad.add(new Violation("identifierValue", "is longer than " + MAX_LENGTH + " characters"));
    } else if (TextRules.SINGLE_LINE.problemWith(value) != null) {
      bad.add(new Violation("identifierValue", TextRules.SINGLE_LINE.problemWith(value)));
    }
    if (!bad.isEmpty()) {
      throw new InvalidRequestException(bad);
    }
    jdbc.sql("INSERT INTO request_identifier (request_id, kind, identifier, added_by, added_at) VALUES (?, ?, ?, ?, ?)")
        .params(request.id(), kind, value.strip(), officer, clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }

  /** The identifiers the officer added to a request, oldest first. */
  @Transactional(readOnly = true)
  public List<Added> added(long requestId) {
    return jdbc.sql("SELECT kind, identifier, added_by FROM request_identifier WHERE request_id = ? ORDER BY id")
        .param(requestId)
        .query((rs, n) -> new Added(rs.getString("kind"), rs.getString("identifier"), rs.getString("added_by")))
        .list();
  }
}
