// robots.txt (RFC 9309) for 栏目 address checks, read by robots-parser: the groups naming our product token (else
// the `*` groups), longest match wins, an Allow wins a tie, `*` and `$` understood, percent-escapes normalised.
import robotsParserModule, { type Robot } from 'robots-parser';

// robots-parser is CommonJS (`module.exports = fn`) typed as an ES default export: the default import is the function.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** A parsed robots.txt and the product token its answers are for. */
export interface RobotsFile {
  robot: Robot;
  productToken: string;
}

/** robots-parser answers for absolute URLs of the file's own origin: every file is read as this origin's. */
const ORIGIN = 'http://robots.invalid';

/** Parses robots.txt for `productToken` (e.g. `GovSiteRegistry-LinkCheck`; matched case-insensitively, no version). */
export function parseRobots(text: string, productToken: string): RobotsFile {
  return { robot: robotsParser(`${ORIGIN}/robots.txt`, text), productToken };
}

/** Allows everything (robots.txt missing, 4xx, or empty). */
export const ALLOW_ALL: RobotsFile = parseRobots('', '*');
/** Disallows everything (robots.txt answering 5xx: RFC 9309 §2.3.1.4). */
export const DISALLOW_ALL: RobotsFile = parseRobots('User-agent: *\nDisallow: /\n', '*');

/** Decodes percent-escapes of unreserved characters so `/%7Euser` and `/~user` compare equal (RFC 3986 §6.2.2.2). */
function normalizePath(path: string): string {
  return path.replace(/%[0-9a-f]{2}/gi, (esc) => {
    const c = String.fromCharCode(Number.parseInt(esc.slice(1), 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : esc.toUpperCase();
  });
}

/** May `pathAndQuery` (e.g. `/xxgk/index.html?x=1`) be fetched? /robots.txt itself always may. */
export function robotsAllows(file: RobotsFile, pathAndQuery: string): boolean {
  const path = normalizePath(pathAndQuery);
  if (path === '/robots.txt') return true;
  return file.robot.isAllowed(`${ORIGIN}${path}`, file.productToken) !== false;
}
