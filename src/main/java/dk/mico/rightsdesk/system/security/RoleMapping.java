package dk.mico.rightsdesk.system.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

final class RoleMapping {

  private RoleMapping() {}

  static List<GrantedAuthority> authorities(Collection<String> groupIds) {
    return groupIds.stream()
        .map(Groups.ROLE_BY_GROUP::get)
        .filter(Objects::nonNull)
        .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
        .toList();
  }
}
