package dk.mico.rightsdesk.deadline;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A holiday rule names exactly one of a valid "MM-dd" date or an Easter offset, and a sensible year range. */
@Documented
@Constraint(validatedBy = HolidayRuleValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidHolidayRule {

  String message() default "invalid holiday rule";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
