import type { FieldError } from '../shared/errors.js';
import { ageOn, compareDates, fromIsoDate, type CalendarDate } from './calendar.js';
import type { CrossFieldRule, FlatValues, LocalizedText, RuleContext } from './types.js';

/**
 * Builders for the checks that span fields. Each rule reads only normalised values (ISO dates, digit strings), so a
 * field that failed its own check is simply absent and never reported twice.
 */

function dateOf(values: FlatValues, name: string): CalendarDate | undefined {
  const value = values[name];
  return value === undefined ? undefined : fromIsoDate(value);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/**
 * The person born on `birthField` must have completed `minYears` on `atField` (or today when it is empty):
 * Luật Hôn nhân và gia đình 2014, Điều 8 — nữ đủ 18, nam đủ 20 tuổi.
 */
export function minAgeRule(options: {
  id: string;
  birthField: string;
  minYears: number;
  atField?: string;
  message: string;
  description: LocalizedText;
}): CrossFieldRule {
  return {
    id: options.id,
    description: options.description,
    fields: [options.birthField, ...(options.atField ? [options.atField] : [])],
    check(values, context) {
      const birth = dateOf(values, options.birthField);
      if (!birth) return [];
      const at = (options.atField && dateOf(values, options.atField)) || context.today;
      return ageOn(birth, at) < options.minYears ? [{ field: options.birthField, message: options.message }] : [];
    },
  };
}

/** `later` must not be before `earlier` (death after birth, declaration after the event). */
export function dateOrderRule(options: {
  id: string;
  earlier: string;
  later: string;
  message: string;
  description: LocalizedText;
}): CrossFieldRule {
  return {
    id: options.id,
    description: options.description,
    fields: [options.earlier, options.later],
    check(values) {
      const earlier = dateOf(values, options.earlier);
      const later = dateOf(values, options.later);
      if (!earlier || !later || compareDates(later, earlier) >= 0) return [];
      return [{ field: options.later, message: options.message }];
    },
  };
}

/** A parent born in `parentYearField` must be at least `minGap` years older than the child born on `childDateField`. */
export function parentAgeGapRule(options: {
  id: string;
  parentYearField: string;
  childDateField: string;
  minGap: number;
  message: string;
  description: LocalizedText;
}): CrossFieldRule {
  return {
    id: options.id,
    description: options.description,
    fields: [options.parentYearField, options.childDateField],
    check(values) {
      const child = dateOf(values, options.childDateField);
      const parentYear = values[options.parentYearField];
      if (!child || parentYear === undefined || child.year - Number(parentYear) >= options.minGap) return [];
      return [{ field: options.parentYearField, message: options.message }];
    },
  };
}

/** No two of `fields` may hold the same value (two spouses, two household members with one ID number). */
export function distinctValuesRule(options: {
  id: string;
  fields: readonly string[];
  description: LocalizedText;
}): CrossFieldRule {
  return {
    id: options.id,
    description: options.description,
    fields: options.fields,
    check(values, context) {
      const errors: FieldError[] = [];
      const seen = new Map<string, string>();
      for (const field of options.fields) {
        const value = values[field];
        if (value === undefined) continue;
        const first = seen.get(value);
        if (first === undefined) seen.set(value, field);
        else {
          const message = `${context.titleOf(field)} trùng với ${lowerFirst(context.titleOf(first))}.`;
          errors.push({ field, message });
        }
      }
      return errors;
    },
  };
}

/** When any of `ifAny` was filled in, each of `then` must be too ("a member's name calls for their relationship"). */
export function requiredWithRule(options: {
  id: string;
  ifAny: readonly string[];
  then: readonly string[];
  description: LocalizedText;
}): CrossFieldRule {
  return {
    id: options.id,
    description: options.description,
    fields: [...options.ifAny, ...options.then],
    check(_values, context: RuleContext) {
      const trigger = options.ifAny.find((name) => context.provided.has(name));
      if (trigger === undefined) return [];
      return options.then
        .filter((name) => !context.provided.has(name))
        .map((name) => ({
          field: name,
          message: `${context.titleOf(name)} không được để trống khi đã ghi ${lowerFirst(context.titleOf(trigger))}.`,
        }));
    },
  };
}

/** A free-text field that must follow a shape when filled in (the hour of death as "14:30"). */
export function patternRule(options: {
  id: string;
  field: string;
  pattern: RegExp;
  message: string;
  description: LocalizedText;
}): CrossFieldRule {
  return {
    id: options.id,
    description: options.description,
    fields: [options.field],
    check(values) {
      const value = values[options.field];
      if (value === undefined || options.pattern.test(value)) return [];
      return [{ field: options.field, message: options.message }];
    },
  };
}
