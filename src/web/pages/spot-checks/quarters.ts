// The quarter choices of the page: the current one and the seven before it; the default is the quarter whose
// submission window is open now (early in a quarter that is still the previous one).
import { type Quarter, quarterLabel, quarterOf, windowState } from '../../../domain/spot-check.ts';

function previous(q: Quarter): Quarter {
  return q.quarter === 1
    ? { year: q.year - 1, quarter: 4 }
    : { year: q.year, quarter: (q.quarter - 1) as Quarter['quarter'] };
}

export function quarterOptions(now: Date): { value: string; label: string; q: Quarter }[] {
  const out: Quarter[] = [quarterOf(now)];
  while (out.length < 8) out.push(previous(out[out.length - 1]!));
  return out.map((q) => ({ value: `${q.year}-${q.quarter}`, label: quarterLabel(q), q }));
}

export function defaultQuarter(now: Date): Quarter {
  const current = quarterOf(now);
  const prev = previous(current);
  return windowState(prev, now) === 'OPEN' ? prev : current;
}

export function parseQuarter(value: string | undefined, now: Date): Quarter {
  const m = /^(\d{4})-([1-4])$/.exec(value ?? '');
  return m ? { year: Number(m[1]), quarter: Number(m[2]) as Quarter['quarter'] } : defaultQuarter(now);
}
