package dk.mico.rightsdesk.workflow;

/**
 * Names used by the erasure, restriction, rectification and general objection processes beyond those of {@link
 * DataSubjectRequestProcessVariables}. None holds personal data: ids, flags, dates and decisions only.
 */
final class RightsProcessVariables {

  /** Started by the erasure process for each day after a legal retention period, with {@link #ERASE_AT}. */
  static final String MESSAGE_ERASURE_SCHEDULED = "ErasureScheduled";
  /** Started by the officer's decision to lift a restriction; counting the delivered notice sets {@link #LIFT_AT}. */
  static final String MESSAGE_LIFT_RESTRICTION = "LiftRestriction";
  /** The e-mailed notice of lifting left the outbox: the notice period starts (Art 18(3)). */
  static final String MESSAGE_LIFT_NOTICE_DELIVERED = "LiftNoticeDelivered";

  /** Started by the erasure process for each review day of records kept for a legal claim, with {@link #REVIEW_AT}. */
  static final String MESSAGE_CLAIM_REVIEW_SCHEDULED = "ClaimReviewScheduled";

  static final String ERASE_AT = "eraseAt";
  /** The start of the day the officer reviews records kept for a legal claim; a kept claim moves it on. */
  static final String REVIEW_AT = "reviewAt";
  /** The officer's answer at a claim review: KEEP (review again) or ERASE. */
  static final String CLAIM_REVIEW_DECISION = "claimReviewDecision";
  static final String LIFT_AT = "liftAt";
  /** True when the notice of lifting is a printed letter: the lifting waits for its posting (F9). */
  static final String LIFT_NOTICE_TO_POST = "liftNoticeToPost";
  /** When the printed notice of lifting is to be posted: the date in it counts from posting that day. */
  static final String LIFT_NOTICE_POST_BY = "liftNoticePostBy";
  /** The officer who completed the review, the balancing or the check: the answer is recorded in their name. */
  static final String DECIDED_BY = "decidedBy";
  static final String NEEDS_BALANCING = "needsBalancing";
  static final String ACCURACY_DECISION = "accuracyDecision";
  /** The recipients to notify (Art 19), the element variable of the notice steps, and the action notified. */
  static final String RECIPIENT_IDS = "recipientIds";
  static final String RECIPIENT_ID = "recipientId";
  static final String NOTICE_ACTION = "noticeAction";
  /** Set on the lift path's by-hand task: the owners lift there the restriction they set by hand. */
  static final String LIFTING_RESTRICTION = "liftingRestriction";

  private RightsProcessVariables() {}
}
