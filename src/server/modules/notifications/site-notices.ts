// 填报单位 notices: the latest decisions on the site's requests, and marking them read (only its own).

import type { z } from 'zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import type { AppContext, SiteActor } from '../../context.ts';
import { notFound } from '../../errors.ts';
import type { siteNoticeList } from './schema.ts';

async function siteIdOf(ctx: AppContext, actor: SiteActor): Promise<number> {
  const site = await ctx.db.selectFrom('sites').select('id').where('site_code', '=', actor.siteCode).executeTakeFirst();
  if (!site) throw notFound(MESSAGES.siteNotFound);
  return site.id;
}

export async function listSiteNotices(
  ctx: AppContext,
  actor: SiteActor,
  limit: number,
): Promise<z.infer<typeof siteNoticeList>> {
  const siteId = await siteIdOf(ctx, actor);
  const [rows, unread] = await Promise.all([
    ctx.db
      .selectFrom('site_notices')
      .select(['id', 'kind', 'title', 'body', 'created_at', 'read_at'])
      .where('site_id', '=', siteId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
    ctx.db
      .selectFrom('site_notices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('site_id', '=', siteId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    unread: Number(unread.n),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      createdAt: new Date(r.created_at).toISOString(),
      read: r.read_at !== null,
    })),
  };
}

/** Marks the given notices (or all) of the caller's own site read; ids of other sites are ignored. */
export async function markSiteNoticesRead(
  ctx: AppContext,
  actor: SiteActor,
  ids: readonly number[] | undefined,
): Promise<{ updated: number }> {
  const siteId = await siteIdOf(ctx, actor);
  let query = ctx.db
    .updateTable('site_notices')
    .set({ read_at: ctx.clock.now() })
    .where('site_id', '=', siteId)
    .where('read_at', 'is', null);
  if (ids !== undefined) {
    if (ids.length === 0) return { updated: 0 };
    query = query.where('id', 'in', [...ids]);
  }
  const result = await query.executeTakeFirst();
  return { updated: Number(result.numUpdatedRows) };
}
