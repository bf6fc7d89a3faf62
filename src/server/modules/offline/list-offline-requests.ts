// 下线审核 (SPEC §8.1 #2): one page of the offline requests the caller's unit may see, rows waiting for it first.
import type { z } from 'zod';
import type { AppContext, OrgActor } from '../../context.ts';
import { listOfflineRows, orgNameMap } from './list-repository.ts';
import { presentOfflineRow } from './present.ts';
import type { ListQuery, offlinePage } from './schema.ts';

export async function listOfflineRequests(
  ctx: AppContext,
  actor: OrgActor,
  query: ListQuery,
): Promise<z.infer<typeof offlinePage>> {
  const viewer = { orgCode: actor.orgCode, orgPath: actor.orgPath };
  const { rows, total, waitingCount } = await listOfflineRows(ctx.db, viewer, query);
  const names = await orgNameMap(
    ctx.db,
    rows.flatMap((r) => r.chain),
  );
  return {
    items: rows.map((r) => presentOfflineRow(r, actor.orgCode, names)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    waitingCount,
  };
}
