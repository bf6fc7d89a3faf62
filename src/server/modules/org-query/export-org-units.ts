// 组织单位信息查询 — 导出: every unit matching the filters (up to 10,000) with 负责人/联系人, Chinese headers; audited.
import type { PersonContact } from '../../../db/schema.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { buildWorkbook, type Cell, xlsxFileName } from '../../xlsx-table.ts';
import { type OrgQueryFilters, queryVisibleUnits } from './repository.ts';
import { RELATION_LABELS } from './schema.ts';

const MAX_ROWS = 10_000;
const LEVELS: Record<number, string> = { 0: '国务院办公厅', 1: '省/部委', 2: '市/垂管省局', 3: '县/垂管分局' };

const person = (p: PersonContact | null | undefined): Cell[] => [
  p?.name ?? '',
  p?.officePhone ?? '',
  p?.mobile ?? '',
  p?.email ?? '',
];

const personHeaders = (who: string) =>
  ['姓名', '办公电话', '手机', '电子邮箱'].map((h) => ({ header: `${who}${h}`, width: h === '电子邮箱' ? 26 : 14 }));

export async function exportOrgUnits(
  ctx: AppContext,
  opts: { actor: OrgActor; filters: OrgQueryFilters; ip: string | null },
): Promise<{ fileName: string; body: Buffer }> {
  const { items } = await queryVisibleUnits(ctx.db, opts.actor, opts.filters, { limit: MAX_ROWS, offset: 0 });
  const body = await buildWorkbook([
    {
      name: '组织单位信息',
      columns: [
        { header: '组织单位标识码', width: 14 },
        { header: '单位名称', width: 30 },
        { header: '显示名称', width: 16 },
        { header: '级别', width: 14 },
        { header: '上级单位', width: 16 },
        { header: '与本单位关系', width: 16 },
        { header: '状态', width: 8 },
        ...personHeaders('负责人'),
        ...personHeaders('联系人1'),
        ...personHeaders('联系人2'),
        ...personHeaders('联系人3'),
      ],
      rows: items.map((o) => [
        o.code,
        o.name,
        o.display_name,
        LEVELS[o.level] ?? String(o.level),
        o.parent_name ?? '',
        RELATION_LABELS[o.relation],
        o.enabled ? '启用' : '停用',
        ...person(o.principal),
        ...person(o.contacts?.[0]),
        ...person(o.contacts?.[1]),
        ...person(o.contacts?.[2]),
      ]),
    },
  ]);
  const now = ctx.clock.now();
  await writeAudit(
    ctx.db,
    now,
    opts.actor,
    {
      action: '导出组织单位信息',
      entityType: 'ORG_QUERY',
      entityId: opts.actor.orgCode,
      comment: `导出 ${items.length} 个组织单位`,
      data: { ...opts.filters },
    },
    opts.ip,
  );
  return { fileName: xlsxFileName('组织单位信息', opts.actor.orgCode, now), body };
}
