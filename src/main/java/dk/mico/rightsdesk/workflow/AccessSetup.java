package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.system.security.AccessProperties;
import static dk.mico.rightsdesk.system.security.Groups.ADMIN;
import static dk.mico.rightsdesk.system.security.Groups.MANAGEMENT;
import static dk.mico.rightsdesk.system.security.Groups.OFFICER;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import dk.mico.rightsdesk.systems.CompanySystems;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The people and rights of design.md, made sure of at every start: the groups, the configured users, what each group
 * may do, and the officers' Tasklist filters. The owner group of a system worked by hand (company-systems.yaml) gets
 * Tasklist and a filter of its own; the engine lets a candidate group read and complete its task (and read its
 * variables), so it works only the tasks it is a candidate for. Existing users keep the password an administrator
 * gave them. It runs before the web server takes requests, so there is never a moment in which the Admin webapp
 * would let an anonymous visitor create the first administrator.
 */
@Component
class AccessSetup implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

  /** Every process of a request: officers work them, managers watch them. */
  private static final List<String> PROCESSES = List.of(DataSubjectRequestProcessVariables.PROCESS_ID,
      // the parts of a request's handling that it calls
      "EmailConfirmationProcess", "IdentityCheckProcess", "DeadlineWatchProcess", "FeeProcess",
      "ForwardToControllerProcess", "RefusalProcess", "ClosingLetterProcess",
      "AccessRequestProcess", "RectificationRequestProcess", "ErasureRequestProcess", "RestrictionRequestProcess",
      "ObjectionRequestProcess", "ConsentWithdrawalProcess", "PortabilityRequestProcess",
      // the officer's Tasklist actions of the deadline watch and the Art 12 outcomes
      "DeadlineExtensionProcess", "Art12DecisionProcess",
      // the notices to recipients (Art 19) that erasures, restrictions and rectifications call
      "RecipientNoticeProcess",
      // a mail that could not be delivered, carried as an incident for Cockpit
      CamundaUndeliveredMailAlarm.PROCESS,
      // an e-mail to the GDPR mailbox, waiting to be registered
      InboundEmailProcessVariables.PROCESS_ID,
      // a restored system's owners redoing their work by hand (F35)
      CamundaRestoredSystemOwners.PROCESS);

  static final String SYSTEM_TASKS_FILTER = "My system's tasks";

  private static final Map<String, String> GROUP_NAMES =
      Map.of(OFFICER, "GDPR officers", MANAGEMENT, "Management", ADMIN, "Camunda administrators");

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final AccessProperties properties;
  private final CompanySystems systems;

  AccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, AccessProperties properties, CompanySystems systems) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.properties = properties;
    this.systems = systems;
  }

  @Override
  public void afterSingletonsInstantiated() {
    GROUP_NAMES.forEach(this::ensureGroup);
    systemOwnerGroups().forEach(this::setUpSystemOwnerGroup);
    properties.users().forEach(this::ensureUser);

    for (Resource resource : Resources.values()) {
      grant(ADMIN, resource, ANY, Permissions.ALL);
    }

    grant(OFFICER, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(OFFICER, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    grant(OFFICER, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.UPDATE, TaskPermissions.TASK_WORK,
        TaskPermissions.READ_VARIABLE, TaskPermissions.UPDATE_VARIABLE);
    for (String process : PROCESSES) {
      grant(OFFICER, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
          ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.READ_TASK_VARIABLE,
          ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE);
      // managers see instances, incidents and history; never variables (enforceSpecificVariablePermission)
      grant(MANAGEMENT, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
    grant(MANAGEMENT, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    // the legal-basis decision tables are readable in Cockpit, with their evaluations (no variable values)
    grant(MANAGEMENT, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(OFFICER, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(MANAGEMENT, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);

    ensureFilter(OFFICER, "All open", 0, "Every open task of the GDPR officers", officerTasks());
    ensureFilter(OFFICER, "Due within 7 days", 1, "Tasks whose legal deadline is at most 7 days away",
        officerTasks().dueBeforeExpression("${dateTime().plusDays(7).toDate()}"));
    ensureFilter(OFFICER, "Overdue", 2, "Tasks past their legal deadline",
        officerTasks().dueBeforeExpression("${now()}"));
  }

  /** The groups other than the officers' that own a declared system, each once. */
  private Set<String> systemOwnerGroups() {
    return systems.systems().stream()
        .map(SystemDeclaration::ownerGroup)
        .filter(group -> group != null && !GROUP_NAMES.containsKey(group))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * A system's owner group: the group itself, Tasklist, the request processes to read (names, not data), and the
   * filter of the tasks it is a candidate for. What it may do on a task the engine grants with the task.
   */
  void setUpSystemOwnerGroup(String group) {
    ensureGroup(group, "Owners of " + systems.systems().stream().filter(s -> group.equals(s.ownerGroup()))
        .map(SystemDeclaration::staffName).collect(Collectors.joining(", ")));
    grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    for (String process : PROCESSES) {
      grant(group, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ);
    }
    ensureFilter(group, SYSTEM_TASKS_FILTER, 0, "The searches and changes by hand in the systems your group owns",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .orderByDueDate().asc());
  }

  private TaskQuery officerTasks() {
    return tasks.createTaskQuery().taskCandidateGroup(OFFICER).includeAssignedTasks().orderByDueDate().asc();
  }

  /**
   * Creates the filter, or gives one made by an older version the sorting of this one: its rows by due date first.
   * Tasklist sends its own sorting (by creation, unless the officer picks another) and the engine sorts by the
   * filter's first, so the due date leads whatever the list header shows.
   */
  private void ensureFilter(String group, String name, int priority, String description, TaskQuery query) {
    Filter filter = filters.createTaskFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name)
          .setProperties(Map.of("priority", priority, "description", description, "refresh", true))
          .setQuery(query);
      filters.saveFilter(filter);
    } else if (!sorting(filter.getQuery()).equals(sorting(query))) {
      filters.saveFilter(filter.setQuery(query));
      log.info("Tasklist filter {} now sorts by due date", name);
    }
    grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
  }

  /** A query's sorting as "property direction" pairs; QueryOrderingProperty has no equals of its own. */
  private static List<String> sorting(Query<?, ?> query) {
    List<QueryOrderingProperty> ordering = ((AbstractQuery<?, ?>) query).getOrderingProperties();
    return ordering == null ? List.of() : ordering.stream()
        .map(property -> property.getQueryProperty().getName() + " " + property.getDirection().getName())
        .toList();
  }

  private void ensureGroup(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void ensureUser(AccessProperties.User configured) {
    if (identity.createUserQuery().userId(configured.id()).count() == 0) {
      User user = identity.newUser(configured.id());
      user.setFirstName(configured.firstName());
      user.setLastName(configured.lastName());
      user.setEmail(configured.email());
      user.setPassword(configured.password());
      identity.saveUser(user);
      log.info("Created Camunda user {}", configured.id());
    }
    if (identity.createUserQuery().userId(configured.id()).memberOfGroup(configured.group()).count() == 0) {
      identity.createMembership(configured.id(), configured.group());
    }
  }

  /** Adds the permissions to the group's grant on that resource, creating the grant when missing. */
  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .groupIdIn(group)
        .resourceType(resource)
        .resourceId(resourceId)
        .authorizationType(AUTH_TYPE_GRANT)
        .singleResult();
    Authorization grant = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }
}
