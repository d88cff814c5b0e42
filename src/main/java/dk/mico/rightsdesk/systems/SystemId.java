package dk.mico.rightsdesk.systems;

import java.util.regex.Pattern;

/** A declared system's id: lower-case letters, digits and hyphens, e.g. {@code case-management}. */
public record SystemId(String value) {

  static final Pattern FORMAT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public SystemId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("a system id is lower-case letters, digits and hyphens");
    }
  }

  public static SystemId of(String value) {
    return new SystemId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
