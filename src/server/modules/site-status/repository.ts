// Database reads of 删除: a deleted site's open requests, locked, so they are closed with it (no unit reviews a
// record that is gone). The closing itself goes through the lifecycle writer.
import { OPEN_STATE_LIST } from '../../../domain/requests.ts';
import type { Trx } from '../../context.ts';
import { REQUEST_COLUMNS, type RequestCore, toRequestCore } from '../requests/repository.ts';

export async function lockOpenRequests(trx: Trx, siteId: number): Promise<RequestCore[]> {
  const rows = await trx
    .selectFrom('requests as r')
    .select(REQUEST_COLUMNS)
    .where('site_id', '=', siteId)
    .where('state', 'in', [...OPEN_STATE_LIST])
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map(toRequestCore);
}
