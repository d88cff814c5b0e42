package dk.mico.rightsdesk.deadline;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.DateTimeException;

/** Checks a {@link HolidayRule} and names the rule in its message, so a bad declaration is found at start-up. */
public class HolidayRuleValidator implements ConstraintValidator<ValidHolidayRule, HolidayRule> {

  // Easter Sunday falls between 22 March and 25 April: these offsets stay within 1 January to 31 December.
  private static final int MIN_EASTER_OFFSET = -80;
  private static final int MAX_EASTER_OFFSET = 250;

  @Override
  public boolean isValid(HolidayRule rule, ConstraintValidatorContext context) {
    if (rule == null) {
      return true;
    }
    String problem = problemWith(rule);
    if (problem == null) {
      return true;
    }
    String ruleName = rule.name() == null ? "(unnamed)" : rule.name();
    context.disableDefaultConstraintViolation();
    context
        .buildConstraintViolationWithTemplate(escapeForTemplate("holiday rule '" + ruleName + "' " + problem))
        .addConstraintViolation();
    return false;
  }

  private static String problemWith(HolidayRule rule) {
    if (rule.date() == null && rule.easterOffset() == null) {
      return "needs either date (MM-dd) or easterOffset";
    }
    if (rule.date() != null && rule.easterOffset() != null) {
      return "has both date and easterOffset; give only one";
    }
    if (rule.easterOffset() != null
        && (rule.easterOffset() < MIN_EASTER_OFFSET || rule.easterOffset() > MAX_EASTER_OFFSET)) {
      return "has easterOffset " + rule.easterOffset() + "; it must lie between " + MIN_EASTER_OFFSET + " and "
          + MAX_EASTER_OFFSET + " so that the holiday falls in the same year as Easter";
    }
    if (rule.date() != null) {
      try {
        HolidayRule.parseDate(rule.date());
      } catch (DateTimeException e) {
        return "has date '" + rule.date() + "', which is not a valid MM-dd date";
      }
    }
    if (rule.fromYear() != null && rule.untilYear() != null && rule.fromYear() > rule.untilYear()) {
      return "has fromYear " + rule.fromYear() + " after untilYear " + rule.untilYear();
    }
    return null;
  }

  /** The message is a template: the configured text must not be read as a parameter or an expression. */
  private static String escapeForTemplate(String text) {
    return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
  }
}
