// robots.txt (RFC 9309) for 栏目 address checks: the groups that apply to our product token, longest match wins.

export interface RobotsRule {
  allow: boolean;
  pattern: string;
}

export interface RobotsFile {
  /** Rules of the groups naming our product token, or of the `*` groups when none does. */
  rules: RobotsRule[];
}

/** Allows everything (robots.txt missing, 4xx, or empty). */
export const ALLOW_ALL: RobotsFile = { rules: [] };
/** Disallows everything (robots.txt answering 5xx: RFC 9309 §2.3.1.4). */
export const DISALLOW_ALL: RobotsFile = { rules: [{ allow: false, pattern: '/' }] };

interface Group {
  agents: string[];
  rules: RobotsRule[];
}

/** Parses robots.txt and keeps the rules for `productToken` (e.g. `GovSiteRegistry-LinkCheck`). */
export function parseRobots(text: string, productToken: string): RobotsFile {
  const token = productToken.toLowerCase();
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!lastWasAgent || current === null) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (current === null) continue;
    if ((key === 'allow' || key === 'disallow') && value !== '') {
      current.rules.push({ allow: key === 'allow', pattern: value });
    }
  }
  const named = groups.filter((g) => g.agents.some((a) => a.split('/')[0]?.trim() === token));
  const chosen = named.length > 0 ? named : groups.filter((g) => g.agents.includes('*'));
  return { rules: chosen.flatMap((g) => g.rules) };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body.split('*').map(escapeRegExp).join('.*');
  return new RegExp(`^${source}${anchored ? '$' : ''}`).test(path);
}

/** Decodes percent-escapes of unreserved characters so `/%7Euser` and `/~user` compare equal. */
function normalizePath(path: string): string {
  return path.replace(/%[0-9a-f]{2}/gi, (esc) => {
    const c = String.fromCharCode(Number.parseInt(esc.slice(1), 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : esc.toUpperCase();
  });
}

/** May `pathAndQuery` (e.g. `/xxgk/index.html?x=1`) be fetched? The longest matching rule wins; ties allow. */
export function robotsAllows(file: RobotsFile, pathAndQuery: string): boolean {
  const path = normalizePath(pathAndQuery);
  if (path === '/robots.txt') return true;
  let best: RobotsRule | null = null;
  for (const rule of file.rules) {
    if (!patternMatches(normalizePath(rule.pattern), path)) continue;
    if (
      best === null ||
      rule.pattern.length > best.pattern.length ||
      (rule.pattern.length === best.pattern.length && rule.allow)
    ) {
      best = rule;
    }
  }
  return best === null || best.allow;
}
