// robots.txt as the link checker reads it for 栏目 addresses (RFC 9309).
import { describe, expect, it } from 'vitest';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, robotsAllows } from '../../src/server/modules/link-checks/robots.ts';

const TOKEN = 'GovSiteRegistry-LinkCheck';

describe('robots.txt', () => {
  it('uses the * group when no group names us', () => {
    const file = parseRobots('User-agent: *\nDisallow: /admin/\nDisallow: /search\n', TOKEN);
    expect(robotsAllows(file, '/xxgk/index.html')).toBe(true);
    expect(robotsAllows(file, '/admin/login.jsp')).toBe(false);
    expect(robotsAllows(file, '/search?q=1')).toBe(false);
  });

  it('prefers a group naming our product token (case-insensitive, version ignored) over *', () => {
    const text = [
      'User-agent: *',
      'Disallow: /',
      '',
      'User-agent: Baiduspider',
      'User-agent: govsiteregistry-linkcheck/1.0',
      'Disallow: /private',
    ].join('\r\n');
    const file = parseRobots(text, TOKEN);
    expect(robotsAllows(file, '/zwgk/')).toBe(true);
    expect(robotsAllows(file, '/private/a.html')).toBe(false);
  });

  it('lets the longest match win, an Allow win a tie, and understands * and $', () => {
    const file = parseRobots(
      'User-agent: *\nDisallow: /zwgk/\nAllow: /zwgk/tzgg/\nDisallow: /*.pdf$\nAllow: /same\nDisallow: /same\n',
      TOKEN,
    );
    expect(robotsAllows(file, '/zwgk/xxgk.html')).toBe(false);
    expect(robotsAllows(file, '/zwgk/tzgg/1.html')).toBe(true);
    expect(robotsAllows(file, '/files/a.pdf')).toBe(false);
    expect(robotsAllows(file, '/files/a.pdf?x=1')).toBe(true);
    expect(robotsAllows(file, '/same')).toBe(true);
  });

  it('ignores comments, empty Disallow and unknown lines; always allows /robots.txt', () => {
    const file = parseRobots('# hi\nUser-agent: * # all\nDisallow:\nCrawl-delay: 10\nSitemap: /s.xml\n', TOKEN);
    expect(robotsAllows(file, '/anything')).toBe(true);
    expect(robotsAllows(DISALLOW_ALL, '/robots.txt')).toBe(true);
    expect(robotsAllows(DISALLOW_ALL, '/')).toBe(false);
    expect(robotsAllows(ALLOW_ALL, '/x')).toBe(true);
  });

  it('compares percent-escaped unreserved characters as their plain form', () => {
    const file = parseRobots('User-agent: *\nDisallow: /~user/\n', TOKEN);
    expect(robotsAllows(file, '/%7Euser/page')).toBe(false);
  });
});
