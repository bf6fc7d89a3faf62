// Opens 基本信息修改 (SPEC §7.2): both pages prefilled from the operator's draft or returned change set, else from
// the live record, with one 栏目 row per active category in dictionary order.
import type { z } from 'zod';
import type { AppContext, SiteActor } from '../../context.ts';
import { listCategories } from './categories-repository.ts';
import { draftPayload, modifyPayload, storedColumns } from './change-set.ts';
import { orgLineNames } from './repository.ts';
import type { modificationForm } from './schema.ts';
import { modifyRefusal } from './site-abilities.ts';
import { operatorSite } from './site-home.ts';
import { loadSiteState } from './site-state.ts';

type ModificationForm = z.infer<typeof modificationForm>;

/** Fields of the record the operator never edits here: 标识码 and org code (SPEC §16 item 13), the two flags. */
const READ_ONLY_KEYS = new Set(['orgCode', 'isPortal', 'isServicePlatform']);

function editable(info: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(info).filter(([key]) => !READ_ONLY_KEYS.has(key)));
}

export async function openModificationForm(ctx: AppContext, actor: SiteActor): Promise<ModificationForm> {
  const site = await operatorSite(ctx.db, actor);
  const loaded = await loadSiteState(ctx.db, site);
  const categories = await listCategories(ctx.db, true);
  const refusal = modifyRefusal(loaded.state);
  const resumable = refusal === null ? loaded.resumable : null;

  let info: Record<string, unknown> = site.info;
  let columns: { category: string; names: string; addresses: string }[] = storedColumns(site.columns);
  if (resumable) {
    const draft = draftPayload.safeParse(resumable.payload);
    const submitted = modifyPayload.safeParse(resumable.payload);
    if (draft.success) {
      info = draft.data.info;
      columns = draft.data.columns;
    } else if (submitted.success) {
      info = submitted.data.info;
      columns = submitted.data.columns;
    }
  }
  const byCategory = new Map(columns.map((c) => [c.category, c]));
  return {
    siteCode: site.siteCode,
    orgCode: site.orgCode,
    orgLine: await orgLineNames(ctx.db, site.orgPath),
    isPortal: site.isPortal,
    isServicePlatform: site.isServicePlatform,
    info: editable(info),
    columns: categories.map((c) => ({
      category: c.code,
      categoryName: c.name,
      groupName: c.groupName,
      names: byCategory.get(c.code)?.names ?? '',
      addresses: byCategory.get(c.code)?.addresses ?? '',
    })),
    requestState: resumable?.state ?? null,
    returnReason: resumable?.state === 'RETURNED' ? resumable.returnReason : null,
    ability: refusal === null ? { allowed: true } : { allowed: false, reason: refusal },
  };
}
