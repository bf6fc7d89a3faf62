// 待办 as one list: the request steps a unit holds, the 工作年度报表 waiting for its review (本级组织单位) and, for the
// root, the submitted 监管年度报表 — merged in SQL (UNION ALL over one shape), ordered by waiting since, paginated.
import { type RawBuilder, sql } from 'kysely';
import type { RequestState, RequestType } from '../../../db/schema.ts';
import type { Db } from '../../context.ts';
import { HELD_STEP_SITE_COLUMNS, heldSteps } from './repository.ts';
import type { InboxKind } from './schema.ts';

interface ItemBase {
  /** Since when the item waits: the step's arrival, or the report's submission. */
  waitingSince: Date;
  submittedAt: Date;
  siteName: string;
  siteCode: string | null;
  siteOrgName: string;
  holderCode: string;
  holderName: string;
}

export type InboxRow =
  | (ItemBase & {
      kind: 'REQUEST';
      id: number;
      type: RequestType;
      state: RequestState;
      chain: string[];
      stepIndex: number;
      siteId: number;
    })
  | (ItemBase & { kind: 'WORK_REPORT'; id: number; year: number; siteId: number })
  | (ItemBase & { kind: 'SUPERVISION_REPORT'; id: number; year: number; siteId: null });

/** One row of the UNION ALL, every source in one shape. */
export interface RawRow {
  kind: InboxKind;
  id: number | string;
  type: string | null;
  state: string | null;
  chain: string[] | null;
  step_index: number | null;
  year: number | null;
  waiting_since: Date | string;
  submitted_at: Date | string;
  site_id: number | string | null;
  site_name: string;
  site_code: string | null;
  site_org_name: string;
  holder_code: string;
  holder_name: string;
}

/** A held request step in the common shape (`RawRow`). */
export const HELD_STEP_ROW_COLUMNS = [
  sql<InboxKind>`'REQUEST'`.as('kind'),
  'r.id',
  sql<string>`r.type`.as('type'),
  sql<string>`r.state`.as('state'),
  'r.chain',
  'r.step_index',
  sql<number | null>`NULL::integer`.as('year'),
  'r.step_entered_at as waiting_since',
  'r.submitted_at',
  ...HELD_STEP_SITE_COLUMNS,
] as const;

/** The three sources of `orgCode`'s 待办, each in the common shape. */
function unionOf(db: Db, orgCode: string): RawBuilder<RawRow> {
  const requests = heldSteps(db).where('r.current_org', '=', orgCode).select(HELD_STEP_ROW_COLUMNS);
  return sql<RawRow>`
    ${requests}
    UNION ALL
    SELECT 'WORK_REPORT', w.id, NULL::text, w.state, NULL::text[], NULL::integer, w.year, w.submitted_at,
      w.submitted_at, s.id, s.name, s.site_code, o.display_name, h.code, h.display_name
    FROM work_reports w
    JOIN sites s ON s.id = w.site_id
    JOIN org_units o ON o.code = s.org_code
    JOIN org_units h ON h.code = w.reviewer_org
    WHERE w.state = 'SUBMITTED' AND w.reviewer_org = ${orgCode}
    UNION ALL
    SELECT 'SUPERVISION_REPORT', p.id, NULL::text, p.state, NULL::text[], NULL::integer, p.year, p.submitted_at,
      p.submitted_at, NULL::bigint, u.display_name, NULL::text, u.display_name, h.code, h.display_name
    FROM supervision_reports p
    JOIN org_units u ON u.code = p.org_code
    JOIN org_units h ON h.code = ${orgCode} AND h.level = 0
    WHERE p.state = 'SUBMITTED'`;
}

export function toRow(r: RawRow): InboxRow {
  const base: ItemBase = {
    waitingSince: new Date(r.waiting_since),
    submittedAt: new Date(r.submitted_at),
    siteName: r.site_name,
    siteCode: r.site_code,
    siteOrgName: r.site_org_name,
    holderCode: r.holder_code,
    holderName: r.holder_name,
  };
  const id = Number(r.id);
  if (r.kind === 'WORK_REPORT') return { ...base, kind: r.kind, id, year: Number(r.year), siteId: Number(r.site_id) };
  if (r.kind === 'SUPERVISION_REPORT') return { ...base, kind: r.kind, id, year: Number(r.year), siteId: null };
  return {
    ...base,
    kind: 'REQUEST',
    id,
    type: r.type as RequestType,
    state: r.state as RequestState,
    chain: r.chain ?? [],
    stepIndex: Number(r.step_index),
    siteId: Number(r.site_id),
  };
}

/** 待办 of `orgCode`: every source, longest waiting first. */
export async function listInboxRows(db: Db, orgCode: string, limit: number, offset: number): Promise<InboxRow[]> {
  const result = await sql<RawRow>`
    SELECT * FROM (${unionOf(db, orgCode)}) AS items
    ORDER BY waiting_since, kind, id
    LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return result.rows.map(toRow);
}

/** The badge: all items of `orgCode`'s 待办 and those waiting since before `overdueBefore` (逾期). */
export async function countInboxRows(
  db: Db,
  orgCode: string,
  overdueBefore: Date,
): Promise<{ total: number; overdue: number }> {
  const result = await sql<{ total: number; overdue: number }>`
    SELECT count(*)::int AS total, (count(*) FILTER (WHERE waiting_since < ${overdueBefore}))::int AS overdue
    FROM (${unionOf(db, orgCode)}) AS items`.execute(db);
  const row = result.rows[0];
  return { total: row?.total ?? 0, overdue: row?.overdue ?? 0 };
}
