package dk.mico.rightsdesk.request;

import java.time.Instant;

/** One step in a request's history. The note names what was done, never personal data. */
public record RequestStep(Instant occurredAt, String step, String actor, String note) {}
