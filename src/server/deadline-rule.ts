// The installation's review deadline rule (GOVSITE_REVIEW_DEADLINE_DAYS, GOVSITE_HOLIDAYS, GOVSITE_EXTRA_WORKDAYS).
import type { AppConfig } from '../config.ts';
import { type DeadlineRule, makeCalendar } from '../domain/working-days.ts';

const cache = new WeakMap<AppConfig['review'], DeadlineRule>();

export function deadlineRuleOf(config: AppConfig): DeadlineRule {
  const cached = cache.get(config.review);
  if (cached) return cached;
  const rule = {
    days: config.review.deadlineDays,
    calendar: makeCalendar(config.review.holidays, config.review.extraWorkdays),
  };
  cache.set(config.review, rule);
  return rule;
}
