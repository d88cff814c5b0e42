package dk.mico.rightsdesk.request;

/** The kinds of step in a request's history (shown to officers, managers and, as a stage, to the subject). */
public enum Step {
  RECEIVED,
  EMAIL_CONFIRMED,
  IDENTITY_VERIFIED,
  IDENTITY_NOT_VERIFIED,
  ANSWER_RECORDED,
  ANSWER_APPROVED,
  LETTER_SENT,
  LETTER_POSTED,
  WITHDRAWN,
  DETAILS_CLEARED,
  LEGAL_BASIS_REVIEWED,
  RESTRICTION_LIFT_DECIDED,
  CLOSED
}
