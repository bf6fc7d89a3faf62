// Checks every URL of one site (home page with its footer, other domains, 栏目 addresses) for the nightly sweep.
import type { FooterReport } from '../../../domain/footer-check.ts';
import type { LinkChecker } from './checker.ts';
import { checkHomeFooter, footerRegisterOf } from './footer-check.ts';
import type { CheckedUrl, SweepSite } from './repository.ts';
import { siteTargets } from './site-urls.ts';

export interface SiteCheck {
  checks: CheckedUrl[];
  footer: FooterReport | null;
}

/** Rejects with the signal's reason when the sweep's budget runs out before every URL has an answer. */
export async function checkSiteLinks(checker: LinkChecker, site: SweepSite, signal?: AbortSignal): Promise<SiteCheck> {
  const targets = siteTargets({ homeUrl: site.homeUrl, columns: site.columns }, site.domains);
  let footer: FooterReport | null = null;
  const checks = await Promise.all(
    targets.map(async ({ url, kind }): Promise<CheckedUrl> => {
      const outcome = await checker.check(url, { kind, readBody: kind === 'HOME', ...(signal ? { signal } : {}) });
      if (kind === 'HOME') {
        footer = checkHomeFooter(outcome.page, footerRegisterOf({ site_code: site.siteCode, info: site.info }));
      }
      return { kind, result: outcome.result };
    }),
  );
  return { checks, footer };
}
