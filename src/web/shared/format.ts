// Display formats shared by pages: times in Beijing time (via the domain's Asia/Shanghai helper), org levels in words.
import { formatDateTimeCN } from '../../domain/dates.ts';
import { t } from '../locales/zh-CN.ts';

/** ISO instant → `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai, whatever the browser's own time zone is. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatDateTimeCN(date);
}

export function levelLabel(level: number): string {
  return t.levels[level] ?? String(level);
}
