package dk.mico.rightsdesk.system.security;

import java.util.Map;

/** The Camunda groups of design.md and the application roles they grant. */
public final class Groups {

  public static final String OFFICER = "gdpr-officer";
  public static final String MANAGEMENT = "management";
  public static final String ADMIN = "camunda-admin";

  public static final String ROLE_OFFICER = "OFFICER";
  public static final String ROLE_MANAGER = "MANAGER";
  public static final String ROLE_ADMIN = "ADMIN";

  static final Map<String, String> ROLE_BY_GROUP =
      Map.of(OFFICER, ROLE_OFFICER, MANAGEMENT, ROLE_MANAGER, ADMIN, ROLE_ADMIN);

  private Groups() {}
}
