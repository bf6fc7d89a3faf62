// Database writes of 删除: a deleted site's open requests are closed, so no unit reviews a record that is gone.
import type { RequestState, RequestType } from '../../../db/schema.ts';
import type { Trx } from '../../context.ts';

export async function withdrawOpenRequests(
  trx: Trx,
  siteId: number,
  now: Date,
): Promise<{ id: number; type: RequestType; state: RequestState }[]> {
  const open = await trx
    .selectFrom('requests')
    .select(['id', 'type', 'state'])
    .where('site_id', '=', siteId)
    .where('state', 'in', ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CODE_PENDING'])
    .forUpdate()
    .execute();
  if (open.length === 0) return [];
  await trx
    .updateTable('requests')
    .set((eb) => ({ state: 'WITHDRAWN', current_org: null, updated_at: now, version: eb('version', '+', 1) }))
    .where(
      'id',
      'in',
      open.map((r) => r.id),
    )
    .execute();
  return open;
}
