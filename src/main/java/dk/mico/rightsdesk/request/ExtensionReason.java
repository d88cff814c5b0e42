package dk.mico.rightsdesk.request;

/** Why a deadline may be extended by two further months: the grounds Art 12(3) names. */
public enum ExtensionReason {
  /** The request is complex (many systems, much data, difficult balancing). */
  COMPLEXITY,
  /** The number of requests the controller has received. */
  NUMBER_OF_REQUESTS
}
