package dk.mico.rightsdesk.oversight;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every request on the managers' view, narrowly: what its filters, counts and order need, no personal data. One
 * statement for 100,000 open requests; the rest of a row is read only for the rows on the page.
 */
@Component
class RequestsInView {

  /** A request on the view: its reference, right, status, deadline in force and whether it was extended. */
  record InView(String reference, String type, String status, LocalDate dueDate, boolean extended) {}

  private final JdbcClient jdbc;

  RequestsInView(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The open requests and the closed ones named, earliest deadline first, then by reference. */
  List<InView> openAnd(Collection<String> closedReferences) {
    return jdbc.sql("SELECT reference, request_type, status, due_date, extended FROM dsr_request"
            + " WHERE status <> 'CLOSED'" + (closedReferences.isEmpty() ? "" : " OR reference IN (:closed)")
            + " ORDER BY due_date, reference")
        .params(closedReferences.isEmpty() ? Map.of() : Map.of("closed", closedReferences))
        .query((rs, n) -> new InView(rs.getString("reference"), rs.getString("request_type"), rs.getString("status"),
            rs.getObject("due_date", LocalDate.class), rs.getBoolean("extended")))
        .list();
  }
}
