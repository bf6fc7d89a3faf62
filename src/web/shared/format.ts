// Display formats shared by pages: times in Beijing time (via the domain's Asia/Shanghai helper), org levels in words.
import { shanghaiParts } from '../../domain/status-labels.ts';
import { t } from '../locales/zh-CN.ts';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** ISO instant → `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai, whatever the browser's own time zone is. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = shanghaiParts(date);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`;
}

export function levelLabel(level: number): string {
  return t.levels[level] ?? String(level);
}
