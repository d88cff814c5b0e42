package dk.mico.rightsdesk.request;

/** What an objection is against: direct marketing (Art 21(2), unconditional) or other processing (Art 21(1)). */
public enum ObjectionScope {
  DIRECT_MARKETING,
  GENERAL
}
