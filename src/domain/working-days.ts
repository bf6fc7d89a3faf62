// Working days and review deadlines (issue 9): weekends skipped, optional holidays and 调休 working weekends,
// all dates as `YYYY-MM-DD` in Asia/Shanghai. Pure: no clock, no I/O.
import { addDays as addCalendarDays, formatDateCN, shanghaiMidnight, weekdayOf } from './dates.ts';

// The calendar-day helpers live in dates.ts; re-exported under the names this module's importers use.
export { addCalendarDays, weekdayOf };

/** The working-day calendar: Monday–Friday, minus `holidays`, plus `extraWorkdays` (weekend days worked, 调休). */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  extraWorkdays: ReadonlySet<string>;
}

export const WEEKDAYS_ONLY: WorkCalendar = { holidays: new Set(), extraWorkdays: new Set() };

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function makeCalendar(holidays: readonly string[] = [], extraWorkdays: readonly string[] = []): WorkCalendar {
  for (const day of [...holidays, ...extraWorkdays]) {
    if (!DAY_RE.test(day)) throw new RangeError(`Expected YYYY-MM-DD, got ${JSON.stringify(day)}`);
  }
  return { holidays: new Set(holidays), extraWorkdays: new Set(extraWorkdays) };
}

export function isWorkingDay(day: string, calendar: WorkCalendar = WEEKDAYS_ONLY): boolean {
  if (calendar.extraWorkdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6;
}

/** A year of calendar days is far more than any deadline; guards a calendar made only of holidays. */
const SEARCH_LIMIT = 3660;

/**
 * Working days in (from, to]: the day something arrived does not count, each later working day does (the usual way
 * administrative periods are counted). 0 when `to` is not after `from`.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar = WEEKDAYS_ONLY): number {
  let count = 0;
  let steps = 0;
  for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count++;
    if (++steps > SEARCH_LIMIT * 10) break;
  }
  return count;
}

/** The `n`-th working day after `day` (n ≥ 1): the due date of a step that arrived on `day`. */
export function addWorkingDays(day: string, n: number, calendar: WorkCalendar = WEEKDAYS_ONLY): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  let current = day;
  let left = n;
  let steps = 0;
  while (left > 0) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current, calendar)) left--;
    if (++steps > SEARCH_LIMIT) throw new RangeError('calendar has no working days');
  }
  return current;
}

/** The `n`-th most recent working day on or before `day` (n ≥ 1). */
export function nthWorkingDayBack(day: string, n: number, calendar: WorkCalendar = WEEKDAYS_ONLY): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  let current = day;
  let left = n;
  let steps = 0;
  for (;;) {
    if (isWorkingDay(current, calendar) && --left === 0) return current;
    current = addCalendarDays(current, -1);
    if (++steps > SEARCH_LIMIT) throw new RangeError('calendar has no working days');
  }
}

/**
 * The first day on which a step is NOT past `limit` working days as of `today`: a step that arrived on a day before
 * the returned one has waited more than `limit` working days. Lets SQL filter `step_entered_at < midnight(result)`
 * with an index instead of computing working days per row.
 */
export function waitedMoreThanCutoff(today: string, limit: number, calendar: WorkCalendar = WEEKDAYS_ONLY): string {
  // waited(e) > limit ⇔ (e, today] holds ≥ limit + 1 working days ⇔ e < the (limit + 1)-th working day back.
  return nthWorkingDayBack(today, limit + 1, calendar);
}

/** The review deadline rule of one installation: `days` working days per step, then as many again to escalate. */
export interface DeadlineRule {
  days: number;
  calendar: WorkCalendar;
}

export interface StepDeadline {
  /** Working days waited so far (the arrival day not counted). */
  waitingDays: number;
  /** The last working day within the deadline (YYYY-MM-DD). */
  dueDate: string;
  /** 「逾期」: more than `days` working days waited. */
  overdue: boolean;
  /** 下级超期: more than twice `days` working days waited; the parent unit sees it. */
  escalated: boolean;
}

export function stepDeadline(enteredAt: Date, now: Date, rule: DeadlineRule): StepDeadline {
  const entered = formatDateCN(enteredAt);
  const waitingDays = workingDaysBetween(entered, formatDateCN(now), rule.calendar);
  return {
    waitingDays,
    dueDate: addWorkingDays(entered, rule.days, rule.calendar),
    overdue: waitingDays > rule.days,
    escalated: waitingDays > 2 * rule.days,
  };
}

/** The cutoffs of the last day asked, per rule: they change once a day, and walking back costs ~0.5 ms a call. */
const lastCutoffs = new WeakMap<DeadlineRule, { today: string; overdueBefore: number; escalatedBefore: number }>();

/** Instants for SQL: steps entered before `overdueBefore` are 逾期, before `escalatedBefore` 下级超期. */
export function deadlineCutoffs(now: Date, rule: DeadlineRule): { overdueBefore: Date; escalatedBefore: Date } {
  const today = formatDateCN(now);
  let known = lastCutoffs.get(rule);
  if (known?.today !== today) {
    known = {
      today,
      overdueBefore: shanghaiMidnight(waitedMoreThanCutoff(today, rule.days, rule.calendar)).getTime(),
      escalatedBefore: shanghaiMidnight(waitedMoreThanCutoff(today, 2 * rule.days, rule.calendar)).getTime(),
    };
    lastCutoffs.set(rule, known);
  }
  return { overdueBefore: new Date(known.overdueBefore), escalatedBefore: new Date(known.escalatedBefore) };
}
