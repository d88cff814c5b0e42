package dk.mico.rightsdesk.fulfilment;

/** What the rights need from the workflow engine; implemented where the engine is wired. */
public interface RightsWorkflow {

  /** Starts the lifting of a request's restriction: the subject is told now, and the notice sets when it is lifted. */
  void liftRestriction(String reference);

  /** The e-mailed notice of lifting has left: the lifting counts its notice period from now. */
  void liftNoticeDelivered(String reference);
}
