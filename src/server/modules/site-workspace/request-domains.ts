// 维护/添加其他域名 (SPEC §5.3, §7.5, §16 item 21): a DOMAINS request with the full proposed host list, each host
// valid, lower case, and used by no other live site (as its home host or one of its other domains).
import { MESSAGES } from '../../../domain/messages/index.ts';
import { hostToUnicode } from '../../../domain/validation/punycode.ts';
import { checkHost } from '../../../domain/validation/url.ts';
import type { AppContext, SiteActor } from '../../context.ts';
import { AppError, invalid } from '../../errors.ts';
import { computeSingleReviewer } from '../org-units/routing.ts';
import { findHostHolders, type HostHolder, siteDomains } from './live-record-repository.ts';
import { type FiledRequest, fileRequest, inOperatorTransaction } from './operator-transaction.ts';
import { newRequestRefusal } from './site-abilities.ts';

export interface CheckedHosts {
  /** ASCII (punycode), lower case, in the order given, without repeats. */
  hosts: string[];
  errors: { field: string; message: string }[];
  warnings: { field: string; message: string }[];
}

/** Validates each typed host (§6.6); blank lines are ignored. */
export function checkHosts(typed: readonly string[], ownHomeHost: string): CheckedHosts {
  const out: CheckedHosts = { hosts: [], errors: [], warnings: [] };
  typed.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const field = `hosts.${i}`;
    const r = checkHost(raw);
    if (!r.ok) {
      out.errors.push({ field, message: `第 ${i + 1} 个：${r.error}` });
      return;
    }
    const ascii = r.value.ascii.toLowerCase();
    if (ascii === ownHomeHost) {
      out.errors.push({ field, message: `“${r.value.unicode}”是本网站首页网址的域名，不需要作为其他域名登记` });
      return;
    }
    for (const message of r.warnings) out.warnings.push({ field, message: `${r.value.unicode}：${message}` });
    if (!out.hosts.includes(ascii)) out.hosts.push(ascii);
  });
  return out;
}

/** 「域名“x”已被网站“Y”（标识码 …）作为首页网址使用」: names the other site (SPEC §5.3). */
export function hostTakenMessage(h: HostHolder): string {
  const site = h.siteCode ? `网站“${h.name}”（标识码 ${h.siteCode}）` : `正在申请中的网站“${h.name}”`;
  return `域名“${hostToUnicode(h.host)}”已被${site}${h.asHome ? '作为首页网址使用' : '登记为其他域名'}`;
}

export async function requestDomains(
  ctx: AppContext,
  opts: { actor: SiteActor; hosts: readonly string[]; ip: string | null },
): Promise<FiledRequest & { warnings: CheckedHosts['warnings'] }> {
  const now = ctx.clock.now();
  return inOperatorTransaction(ctx, opts.actor, async (trx, site, loaded) => {
    const refusal = newRequestRefusal(loaded.state);
    if (refusal) throw new AppError('CONFLICT', refusal);
    const checked = checkHosts(opts.hosts, site.homeHost);
    if (checked.errors.length > 0) {
      throw invalid(checked.errors.map((e) => e.message).join('；'), { fields: checked.errors });
    }
    const holders = await findHostHolders(trx, checked.hosts, site.id);
    if (holders.length > 0) {
      throw new AppError('CONFLICT', holders.map(hostTakenMessage).join('；'), {
        hosts: holders.map((h) => h.host),
      });
    }
    const current = await siteDomains(trx, site.id);
    if ([...current].sort().join() === [...checked.hosts].sort().join()) {
      throw invalid(MESSAGES.domainsUnchanged);
    }
    const reviewer = await computeSingleReviewer(trx, site);
    const payload = { domains: checked.hosts, baseVersion: site.version };
    const filed = await fileRequest(trx, opts.actor, { type: 'DOMAINS', site, reviewer, payload, now, ip: opts.ip });
    return { ...filed, warnings: checked.warnings };
  });
}
