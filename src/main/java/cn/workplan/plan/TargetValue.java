package cn.workplan.plan;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Digits;

/**
 * A target's value (入学率 ≥ 95) or the actual value a report gives for it, as their columns ({@code numeric(14, 4)}) hold
 * them: at most 10 digits before the point and 4 after. Anything else (1e12, 0.00001) is refused with one message beside
 * the field rather than failing in the database or being rounded without a word.
 */
@Documented
@Constraint(validatedBy = {})
@Digits(integer = 10, fraction = 4)
@ReportAsSingleViolation
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface TargetValue {

    String message() default "{TargetValue}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
