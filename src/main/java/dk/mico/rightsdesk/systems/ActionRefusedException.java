package dk.mico.rightsdesk.systems;

/** The declaration does not allow the action (e.g. erasure of a table declared {@code erase: keep}). */
public class ActionRefusedException extends IllegalStateException {

  ActionRefusedException(String message) {
    super(message);
  }
}
