package dk.mico.rightsdesk.recordkeeping;

/** The deployed process models, read where the engine is wired. */
public interface ProcessModels {

  /** Every deployed request process (latest version), main process first, then by name. */
  Procedure procedure();
}
