package dk.mico.rightsdesk.systems;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long backups are kept, per declared system ({@code backup-retention}) and for Rights Desk's own database
 * ({@code rightsdesk.retention.own-backups}): erased data is not used but stays in backups until the last backup
 * taken before the erasure is deleted (CEF 2025, F35).
 */
@Component
public class BackupRetention {

  private final CompanySystems systems;
  private final Period ownBackups;

  BackupRetention(CompanySystems systems, @Value("${rightsdesk.retention.own-backups:P35D}") Period ownBackups) {
    if (ownBackups.isNegative()) {
      throw new IllegalArgumentException("rightsdesk.retention.own-backups must not be negative: " + ownBackups);
    }
    this.systems = systems;
    this.ownBackups = ownBackups;
  }

  /** How long backups of Rights Desk's own database are kept. */
  public Period ownBackups() {
    return ownBackups;
  }

  public Period of(SystemId system) {
    return systems.system(system).backupRetentionPeriod();
  }

  /**
   * The day data erased on {@code erasedOn} in the given systems is gone from every backup: the erasure date plus
   * the longest backup retention among them. Rights Desk's own backups count too, as an erasure clears the request's
   * details in its own database.
   */
  public LocalDate goneFromBackupsOn(LocalDate erasedOn, Collection<SystemId> erasedIn) {
    LocalDate last = erasedOn.plus(ownBackups);
    for (SystemId system : erasedIn) {
      LocalDate gone = erasedOn.plus(of(system));
      if (gone.isAfter(last)) {
        last = gone;
      }
    }
    return last;
  }
}
