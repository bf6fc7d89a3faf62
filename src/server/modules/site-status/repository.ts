// Database reads of 删除: a deleted site's open requests, locked, so they are closed with it (no unit reviews a
// record that is gone). The closing itself goes through the lifecycle writer.
import { OPEN_STATE_LIST } from '../../../domain/requests.ts';
import type { Trx } from '../../context.ts';

export async function lockOpenRequests(trx: Trx, siteId: number) {
  const rows = await trx
    .selectFrom('requests')
    .select(['id', 'type', 'state', 'chain', 'step_index', 'version'])
    .where('site_id', '=', siteId)
    .where('state', 'in', [...OPEN_STATE_LIST])
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => ({ ...r, stepIndex: r.step_index }));
}
