// Beijing dates (Asia/Shanghai), the one place the register does date arithmetic: the calendar day of an instant, the
// instant a Beijing day, quarter or year starts, days added to a `YYYY-MM-DD` day, and display formats. Built on dayjs
// with its utc and timezone plugins (issue #17: no hand-written copies; the timezone plugin reads the zone through
// Intl, present in Node and every browser), so the result never depends on the process's or the browser's own zone.
// Calendar days are `YYYY-MM-DD` strings: they compare correctly as text and are handled as UTC dates, zone-free.
import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The register's time zone: every date it shows or counts is a Beijing date. */
export const BEIJING_TZ = 'Asia/Shanghai';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

// dayjs's own `.tz()` builds a new Intl formatter on every call (~180 µs; lists call this per row), so the offset of
// an instant is read from one cached formatter instead (~10 µs) and dayjs does the rest. Where the browser lacks the
// `longOffset` option (before Safari 15.4), the plugin's `.tz()` is used.
let offsetFormat: Intl.DateTimeFormat | null | undefined;

function beijingOffsetMinutes(ms: number): number | null {
  if (offsetFormat === undefined) {
    try {
      offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: BEIJING_TZ, timeZoneName: 'longOffset' });
    } catch {
      offsetFormat = null;
    }
  }
  const name = offsetFormat?.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value;
  const m = name === undefined ? null : /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!m) return null;
  return m[1] === undefined ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

// Asia/Shanghai has been UTC+8 all year since its last summer time ended in September 1991 (China keeps no DST):
// from 1992 on, an instant's Beijing fields are those of the instant 8 hours later read in UTC, plain arithmetic
// (< 1 µs where the zone lookup above costs ~10 µs per call, and lists format dates per row). Earlier instants keep
// the zone's history through Intl.
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1);
const FIXED_OFFSET_MS = 8 * 3_600_000;

/** The instant shifted to Beijing wall-clock time, read with getUTC*(); null before 1992 (use the zone's history). */
function fixedOffsetWallClock(date: Date): Date | null {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return ms >= FIXED_OFFSET_SINCE ? new Date(ms + FIXED_OFFSET_MS) : null;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function wallDay(w: Date, sep: string): string {
  return `${w.getUTCFullYear()}${sep}${pad2(w.getUTCMonth() + 1)}${sep}${pad2(w.getUTCDate())}`;
}

function wallTime(w: Date, sep: string, seconds: boolean): string {
  const hm = `${pad2(w.getUTCHours())}${sep}${pad2(w.getUTCMinutes())}`;
  return seconds ? `${hm}${sep}${pad2(w.getUTCSeconds())}` : hm;
}

function beijing(date: Date): Dayjs {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  const offset = beijingOffsetMinutes(ms);
  return offset === null ? dayjs(date).tz(BEIJING_TZ) : dayjs(date).utcOffset(offset);
}

/** A `YYYY-MM-DD` day as a zone-free (UTC) date; throws on another shape or a day that does not exist. */
function calendarDay(day: string): Dayjs {
  if (!DAY_RE.test(day)) throw new RangeError(`Expected YYYY-MM-DD, got ${JSON.stringify(day)}`);
  const d = dayjs.utc(day);
  // A day that does not exist (2026-02-30) rolls over into the next month.
  if (!d.isValid() || d.date() !== Number(day.slice(8)) || d.month() + 1 !== Number(day.slice(5, 7))) {
    throw new RangeError(`No such day: ${day}`);
  }
  return d;
}

// ── Instants seen in Beijing ──

export interface ShanghaiParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function shanghaiParts(date: Date): ShanghaiParts {
  const w = fixedOffsetWallClock(date);
  if (w) {
    return {
      year: w.getUTCFullYear(),
      month: w.getUTCMonth() + 1,
      day: w.getUTCDate(),
      hour: w.getUTCHours(),
      minute: w.getUTCMinutes(),
      second: w.getUTCSeconds(),
    };
  }
  const d = beijing(date);
  return {
    year: d.year(),
    month: d.month() + 1,
    day: d.date(),
    hour: d.hour(),
    minute: d.minute(),
    second: d.second(),
  };
}

/** `YYYY-MM-DD` of the instant in Asia/Shanghai: its Beijing calendar day. */
export function formatDateCN(date: Date): string {
  const w = fixedOffsetWallClock(date);
  return w ? wallDay(w, '-') : beijing(date).format('YYYY-MM-DD');
}

/** Today's date in Asia/Shanghai. */
export function todayCN(now: Date): string {
  return formatDateCN(now);
}

/** `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai. */
export function formatDateTimeCN(date: Date): string {
  const w = fixedOffsetWallClock(date);
  return w ? `${wallDay(w, '-')} ${wallTime(w, ':', true)}` : beijing(date).format('YYYY-MM-DD HH:mm:ss');
}

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai. */
export function formatDateMinuteCN(date: Date): string {
  const w = fixedOffsetWallClock(date);
  return w ? `${wallDay(w, '-')} ${wallTime(w, ':', false)}` : beijing(date).format('YYYY-MM-DD HH:mm');
}

/** `YYYYMMDDHHmmss` in Asia/Shanghai, for file names. */
export function compactDateTimeCN(date: Date): string {
  const w = fixedOffsetWallClock(date);
  return w ? `${wallDay(w, '')}${wallTime(w, '', true)}` : beijing(date).format('YYYYMMDDHHmmss');
}

// ── Beijing days, quarters and years as instants ──

/** The instant of 00:00 Asia/Shanghai on a `YYYY-MM-DD` day (e.g. when a temporary offline ends, §7.6.2). */
export function shanghaiMidnight(day: string): Date {
  return shanghaiTimeOn(day, 0);
}

/** The instant of `hour`:00 Asia/Shanghai on a `YYYY-MM-DD` day. */
export function shanghaiTimeOn(day: string, hour: number): Date {
  const d = calendarDay(day);
  // From 1992 on, a fixed UTC+8 (see fixedOffsetWallClock); dayjs.tz() builds an Intl formatter per call (~180 µs).
  const fixed = Date.UTC(d.year(), d.month(), d.date(), hour) - FIXED_OFFSET_MS;
  if (fixed >= FIXED_OFFSET_SINCE) return new Date(fixed);
  return dayjs.tz(`${day}T${String(hour).padStart(2, '0')}:00:00`, BEIJING_TZ).toDate();
}

/** The instant 00:00 Asia/Shanghai on the first day of `month` (1–12; later months roll into the next years). */
export function shanghaiMonthStart(year: number, month: number): Date {
  return shanghaiMidnight(dayjs.utc(Date.UTC(year, month - 1, 1)).format('YYYY-MM-DD'));
}

/** [start, end) of a calendar quarter (1–4) in Asia/Shanghai. */
export function quarterRangeCN(year: number, quarter: number): { start: Date; end: Date } {
  const firstMonth = (quarter - 1) * 3 + 1;
  return { start: shanghaiMonthStart(year, firstMonth), end: shanghaiMonthStart(year, firstMonth + 3) };
}

/** [start, end) of a calendar year in Asia/Shanghai. */
export function yearRangeCN(year: number): { start: Date; end: Date } {
  return { start: shanghaiMonthStart(year, 1), end: shanghaiMonthStart(year + 1, 1) };
}

// ── Calendar days (`YYYY-MM-DD`) ──

/** A real calendar day written `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  try {
    calendarDay(value);
    return true;
  } catch {
    return false;
  }
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  return calendarDay(day).add(days, 'day').format('YYYY-MM-DD');
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return calendarDay(to).diff(calendarDay(from), 'day');
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return calendarDay(day).day();
}

export function yearOf(day: string): number {
  return calendarDay(day).year();
}

/** Whole Beijing calendar days from the instant `from` to the instant `to`: 0 on the same day. */
export function calendarDaysBetween(from: Date, to: Date): number {
  return daysBetween(formatDateCN(from), formatDateCN(to));
}
