package dk.mico.rightsdesk.request;

/** The kinds of step in a request's history (shown to officers, managers and, as a stage, to the subject). */
public enum Step {
  RECEIVED,
  EMAIL_CONFIRMED,
  IDENTITY_VERIFIED,
  IDENTITY_NOT_VERIFIED,
  ANSWER_RECORDED,
  ANSWER_APPROVED,
  /** A system's owner searched a system by hand (access, portability). */
  MANUAL_SEARCH_RECORDED,
  /** The officer reviewed the access or portability report and decided what is released. */
  REPORT_REVIEWED,
  /** The subject downloaded a file of the answer (the note names the file). */
  FILE_DOWNLOADED,
  /** Too many wrong codes on the download page: locked for a while. */
  DOWNLOAD_LOCKED,
  LETTER_SENT,
  LETTER_POSTED,
  WITHDRAWN,
  DETAILS_CLEARED,
  LEGAL_BASIS_REVIEWED,
  RESTRICTION_LIFT_DECIDED,
  CLOSED,
  /** One of several requests made by one submission naming several rights; the note names the others. */
  LINKED_TO_SUBMISSION,
  // the deadline watch and the Art 12 outcomes (issue 6)
  EXTENDED,
  OVERDUE,
  IDENTITY_INFORMATION_REQUESTED,
  CLOCK_PAUSED,
  CLOCK_RESUMED,
  IDENTITY_INFORMATION_RECEIVED,
  NO_IDENTITY_INFORMATION,
  DUPLICATE_OF,
  /** A duplicate submission asked something new: its text was added to this open request (the note names it). */
  DETAILS_ADDED_FROM_DUPLICATE,
  /** This duplicate's text was carried to the open request (the note names it), whose answer covers it. */
  DETAILS_CARRIED_TO_OPEN_REQUEST,
  REFUSED_UNDER_ART_12_5,
  FEE_ANNOUNCED,
  /** The subject agreed to pay the fee announced: the handling goes on. */
  FEE_ACCEPTED,
  /** The subject declined the fee, or did not answer in time: the request is refused (Art 12(5)). */
  FEE_DECLINED,
  FEE_NOT_ANSWERED,
  FORWARDED_TO_CONTROLLER,
  /** The officer sent a portability answer's files to the controller the subject named (Art 20(2)). */
  SENT_TO_OTHER_CONTROLLER,
  /** Sending the files to the controller the subject named was not technically feasible (the note says why). */
  NOT_SENT_TO_OTHER_CONTROLLER,
  /** An e-mail to the GDPR mailbox was attached to the request by the officer (the note names the e-mail). */
  EMAIL_ATTACHED,
  /** A bounce or an auto-reply to one of our letters came back to the GDPR mailbox (the note names the e-mail). */
  LETTER_NOT_DELIVERED,
  /** A system was restored from a backup and this request's erasure there was done again (the note says where). */
  ERASURE_REPLAYED_AFTER_RESTORE,
  /** A system was restored from a backup and this request's correction there was written again. */
  RECTIFICATION_REPLAYED_AFTER_RESTORE,
  /** A system was restored from a backup and this request's restriction (or its lifting) there was done again. */
  RESTRICTION_REPLAYED_AFTER_RESTORE,
  /** A system was restored from a backup and this request's stop of marketing (flags, suppression entry) redone. */
  MARKETING_STOP_REPLAYED_AFTER_RESTORE,
  /** A system was restored from a backup: what its owners did there by hand for this request is theirs to redo. */
  BY_HAND_CHANGE_TO_REDO_AFTER_RESTORE,
  /** The owners of a restored system did again by hand what they had done there for this request. */
  BY_HAND_CHANGE_REDONE_AFTER_RESTORE
}
