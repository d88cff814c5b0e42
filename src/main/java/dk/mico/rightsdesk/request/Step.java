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
  CLOSED,
  // the deadline watch and the Art 12 outcomes (issue 6)
  EXTENDED,
  OVERDUE,
  IDENTITY_INFORMATION_REQUESTED,
  CLOCK_PAUSED,
  CLOCK_RESUMED,
  IDENTITY_INFORMATION_RECEIVED,
  NO_IDENTITY_INFORMATION,
  DUPLICATE_OF,
  REFUSED_UNDER_ART_12_5,
  FEE_ANNOUNCED,
  FORWARDED_TO_CONTROLLER
}
