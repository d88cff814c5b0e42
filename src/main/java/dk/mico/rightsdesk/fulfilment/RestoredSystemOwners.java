package dk.mico.rightsdesk.fulfilment;

import java.time.Instant;

/** The owners of a restored system, who redo by hand for a request what they had done there by hand (F35). */
public interface RestoredSystemOwners {

  /**
   * Gives the owner group of {@code systemId} a task, due at {@code dueAt}, to redo for the request what the restore
   * undid there.
   */
  void redoByHand(String reference, String systemId, Instant backupTakenAt, Instant dueAt);
}
