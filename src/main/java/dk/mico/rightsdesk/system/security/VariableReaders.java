package dk.mico.rightsdesk.system.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Who may read every variable a query of theirs can reach, decided from the rights the engine holds for the user and
 * their groups now (not from group names, nor from a webapp session that may predate a change): the variables of
 * every task, where task screens hold the subject's data, and those of every process whose instances they may read.
 * Officers and administrators may; managers (no variables at all) and the owner groups of systems worked by hand
 * (only the variables of their own tasks) may not.
 */
@Component
class VariableReaders {

  private final IdentityService identity;
  private final RepositoryService repository;
  private final AuthorizationService authorizations;

  VariableReaders(IdentityService identity, RepositoryService repository, AuthorizationService authorizations) {
    this.identity = identity;
    this.repository = repository;
    this.authorizations = authorizations;
  }

  /**
   * Called outside any engine authentication (the webapps set theirs up later in the request), so the engine lists
   * every group and process definition, not only those the user may see.
   */
  boolean mayReadEveryVariable(String userId) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    if (!authorized(userId, groups, TaskPermissions.READ_VARIABLE, Resources.TASK, ANY)) {
      return false;
    }
    boolean everyInstance = authorized(userId, groups, ProcessInstancePermissions.READ, Resources.PROCESS_INSTANCE, ANY);
    return repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey)
        .distinct()
        .filter(process -> everyInstance || authorized(userId, groups, ProcessDefinitionPermissions.READ_INSTANCE,
            Resources.PROCESS_DEFINITION, process))
        .allMatch(process -> authorized(userId, groups, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
            Resources.PROCESS_DEFINITION, process));
  }

  private boolean authorized(String userId, List<String> groups, Permission permission, Resource resource,
      String resourceId) {
    return authorizations.isUserAuthorized(userId, groups, permission, resource, resourceId);
  }
}
