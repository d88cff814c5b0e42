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
}
