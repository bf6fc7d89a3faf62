// Working days and review deadlines: weekends skipped, holidays and 调休 honoured, deadlines crossing a weekend,
// and the SQL cut-off agreeing with the per-row count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  deadlineCutoffs,
  isWorkingDay,
  makeCalendar,
  nthWorkingDayBack,
  stepDeadline,
  WEEKDAYS_ONLY,
  waitedMoreThanCutoff,
  workingDaysBetween,
} from '../../src/domain/working-days.ts';

// 2026-11-02 is a Monday.
const at = (iso: string) => new Date(iso);

describe('working days', () => {
  it('skips Saturdays and Sundays', () => {
    expect(isWorkingDay('2026-11-06')).toBe(true); // Friday
    expect(isWorkingDay('2026-11-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-08')).toBe(false); // Sunday
    expect(isWorkingDay('2026-11-09')).toBe(true); // Monday
  });

  it('counts (from, to]: the arrival day is not counted, the weekend is skipped', () => {
    expect(workingDaysBetween('2026-11-02', '2026-11-02')).toBe(0);
    expect(workingDaysBetween('2026-11-02', '2026-11-03')).toBe(1);
    expect(workingDaysBetween('2026-11-02', '2026-11-06')).toBe(4);
    expect(workingDaysBetween('2026-11-02', '2026-11-08')).toBe(4);
    expect(workingDaysBetween('2026-11-02', '2026-11-09')).toBe(5);
    expect(workingDaysBetween('2026-11-02', '2026-11-10')).toBe(6);
    // Arrived on a Saturday: Monday is the first day counted.
    expect(workingDaysBetween('2026-11-07', '2026-11-09')).toBe(1);
    expect(workingDaysBetween('2026-11-09', '2026-11-02')).toBe(0);
  });

  it('puts a deadline that crosses a weekend on the right day', () => {
    // Arrived Thursday: 5 working days end the next Thursday, not Tuesday.
    expect(addWorkingDays('2026-11-05', 5)).toBe('2026-11-12');
    // Arrived Friday: Mon…Fri.
    expect(addWorkingDays('2026-11-06', 5)).toBe('2026-11-13');
    expect(addWorkingDays('2026-11-02', 5)).toBe('2026-11-09');
    expect(addWorkingDays('2026-11-07', 1)).toBe('2026-11-09');
    expect(addWorkingDays('2026-11-02', 0)).toBe('2026-11-02');
  });

  it('honours holidays and 调休 working weekends', () => {
    // 2026 National Day: 10-01…10-07 off, Sunday 09-27 and Saturday 10-10 worked (an example calendar).
    const holidays = ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'];
    const cal = makeCalendar(holidays, ['2026-09-27', '2026-10-10']);
    expect(isWorkingDay('2026-10-01', cal)).toBe(false);
    expect(isWorkingDay('2026-10-10', cal)).toBe(true);
    expect(isWorkingDay('2026-09-27', cal)).toBe(true);
    // Arrived Wednesday 09-30: 10-08 (Thu), 10-09 (Fri), 10-10 (Sat, worked), 10-12, 10-13.
    expect(addWorkingDays('2026-09-30', 5, cal)).toBe('2026-10-13');
    expect(workingDaysBetween('2026-09-30', '2026-10-09', cal)).toBe(2);
    expect(() => makeCalendar(['2026/10/01'])).toThrow(RangeError);
  });

  it('finds the n-th working day back', () => {
    expect(nthWorkingDayBack('2026-11-10', 1)).toBe('2026-11-10');
    expect(nthWorkingDayBack('2026-11-08', 1)).toBe('2026-11-06');
    expect(nthWorkingDayBack('2026-11-10', 6)).toBe('2026-11-03');
  });
});

describe('step deadlines', () => {
  const rule = { days: 5, calendar: WEEKDAYS_ONLY };

  it('is 逾期 after the fifth working day, escalated after the tenth', () => {
    const entered = at('2026-11-02T02:00:00Z'); // Monday 10:00 in Shanghai
    expect(stepDeadline(entered, at('2026-11-09T09:00:00Z'), rule)).toEqual({
      waitingDays: 5,
      dueDate: '2026-11-09',
      overdue: false,
      escalated: false,
    });
    expect(stepDeadline(entered, at('2026-11-10T01:00:00Z'), rule)).toMatchObject({ waitingDays: 6, overdue: true });
    expect(stepDeadline(entered, at('2026-11-16T01:00:00Z'), rule)).toMatchObject({
      waitingDays: 10,
      escalated: false,
    });
    expect(stepDeadline(entered, at('2026-11-17T01:00:00Z'), rule)).toMatchObject({ waitingDays: 11, escalated: true });
  });

  it('uses the Asia/Shanghai date: 23:30 UTC on Sunday is already Monday', () => {
    // Entered Friday 2026-11-06 20:00 Shanghai; now Monday 07:30 Shanghai (Sunday 23:30 UTC) → 1 working day.
    expect(stepDeadline(at('2026-11-06T12:00:00Z'), at('2026-11-08T23:30:00Z'), rule).waitingDays).toBe(1);
  });

  it('gives SQL cut-offs that agree with the per-row count', () => {
    const holidays = makeCalendar(['2026-11-11', '2026-11-20'], ['2026-11-14']);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        (enteredOffset, waitOffset, days, useHolidays) => {
          const calendar = useHolidays ? holidays : WEEKDAYS_ONLY;
          const enteredDay = addCalendarDays('2026-10-20', enteredOffset);
          const today = addCalendarDays(enteredDay, waitOffset);
          const entered = at(`${enteredDay}T03:00:00Z`);
          const now = at(`${today}T04:00:00Z`);
          const d = stepDeadline(entered, now, { days, calendar });
          const cut = deadlineCutoffs(now, { days, calendar });
          expect(entered < cut.overdueBefore).toBe(d.overdue);
          expect(entered < cut.escalatedBefore).toBe(d.escalated);
          expect(enteredDay < waitedMoreThanCutoff(today, days, calendar)).toBe(d.waitingDays > days);
        },
      ),
    );
  });

  it('gives one rule the same cut-offs as a fresh rule, day after day (they are kept per rule and day)', () => {
    const holidays = makeCalendar(['2026-11-11', '2026-11-20'], ['2026-11-14']);
    const kept = { days: 3, calendar: holidays };
    for (let offset = 0; offset < 30; offset++) {
      const day = addCalendarDays('2026-11-01', offset);
      for (const hour of ['00:30', '15:59', '16:30']) {
        const now = at(`${day}T${hour}:00+08:00`);
        const cut = deadlineCutoffs(now, kept);
        expect(cut).toEqual(deadlineCutoffs(now, { days: 3, calendar: holidays }));
        // The caller's Dates are its own.
        cut.overdueBefore.setTime(0);
        expect(deadlineCutoffs(now, kept).overdueBefore.getTime()).not.toBe(0);
      }
    }
  });
});
