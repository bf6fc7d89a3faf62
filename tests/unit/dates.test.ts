import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDaysBetween,
  compactDateTimeCN,
  daysBetween,
  formatDateCN,
  formatDateMinuteCN,
  formatDateTimeCN,
  isDay,
  quarterRangeCN,
  shanghaiMidnight,
  shanghaiParts,
  shanghaiTimeOn,
  weekdayOf,
  yearRangeCN,
} from '../../src/domain/dates.ts';

// Asia/Shanghai has been UTC+8 all year since 1991: the fixed offset the hand-written copies used is the reference.
const EIGHT_HOURS = 8 * 3600_000;
const recent = fc.date({ min: new Date('1992-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });

describe('Beijing instants', () => {
  it('matches the fixed +08:00 arithmetic (property)', () => {
    fc.assert(
      fc.property(recent, (d) => {
        const iso = new Date(d.getTime() + EIGHT_HOURS).toISOString();
        expect(formatDateCN(d)).toBe(iso.slice(0, 10));
        expect(formatDateTimeCN(d)).toBe(`${iso.slice(0, 10)} ${iso.slice(11, 19)}`);
        expect(formatDateMinuteCN(d)).toBe(`${iso.slice(0, 10)} ${iso.slice(11, 16)}`);
        expect(compactDateTimeCN(d)).toBe(iso.slice(0, 19).replace(/[-T:]/g, ''));
        expect(shanghaiMidnight(formatDateCN(d)).toISOString()).toBe(
          new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) - EIGHT_HOURS).toISOString(),
        );
        expect(shanghaiParts(d).hour).toBe(Number(iso.slice(11, 13)));
      }),
    );
  });

  it('turns the day at 16:00 UTC and places hours on a Beijing day', () => {
    expect(formatDateCN(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(formatDateCN(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(shanghaiTimeOn('2026-03-01', 16).toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(calendarDaysBetween(new Date('2026-03-01T15:59:00Z'), new Date('2026-03-01T16:00:00Z'))).toBe(1);
    expect(() => formatDateCN(new Date(Number.NaN))).toThrow(RangeError);
    // The zone's history is kept: Beijing had summer time until 1991.
    expect(formatDateTimeCN(new Date('1988-07-01T00:00:00Z'))).toBe('1988-07-01 09:00:00');
  });

  it('gives quarters and years as [start, end) instants', () => {
    expect(quarterRangeCN(2026, 4)).toEqual({
      start: new Date('2026-09-30T16:00:00Z'),
      end: new Date('2026-12-31T16:00:00Z'),
    });
    expect(yearRangeCN(2026)).toEqual({
      start: new Date('2025-12-31T16:00:00Z'),
      end: new Date('2026-12-31T16:00:00Z'),
    });
  });
});

describe('calendar days', () => {
  it('adds and counts days across months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2026-01-02', '2026-01-01')).toBe(-1);
    expect(weekdayOf('2026-12-03')).toBe(4);
  });

  it('accepts only real YYYY-MM-DD days', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('2026-1-01')).toBe(false);
    expect(() => shanghaiMidnight('2026-02-30')).toThrow(RangeError);
  });
});
