package dk.mico.rightsdesk.system.security;

import java.util.List;

/** Lets tests outside this package try the package-private production guard. */
public final class ProductionGuardProbe {

  private ProductionGuardProbe() {}

  /** The guard's refusal for one user and mail host, or null when it lets production start. */
  public static String refusal(String mailHost, String userId, String password) {
    return refusal(mailHost, "https://rettigheder.mico.dk", userId, password);
  }

  /** The same with a public URL of the test's choosing. */
  public static String refusal(String mailHost, String publicUrl, String userId, String password) {
    try {
      new ProductionGuard(mailHost, publicUrl, new AccessProperties(
          List.of(new AccessProperties.User(userId, password, "First", "Last", "x@mico.dk", Groups.OFFICER))));
      return null;
    } catch (IllegalStateException refused) {
      return refused.getMessage();
    }
  }
}
