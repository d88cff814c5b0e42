package dk.mico.rightsdesk.request;

/** How a closed request ended (design.md contract). */
public enum Outcome {
  FULFILLED,
  PARTIALLY_REFUSED,
  REFUSED,
  FORWARDED_TO_CONTROLLER,
  UNCONFIRMED,
  UNVERIFIABLE,
  WITHDRAWN,
  DUPLICATE;

  /** Whether the company did not act, wholly or partly, so the letter must carry the Art 12(4) information. */
  public boolean needsArt12_4Information() {
    return this != FULFILLED && this != WITHDRAWN && this != FORWARDED_TO_CONTROLLER;
  }
}
