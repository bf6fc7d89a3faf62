// Browser test of the link check at entry: typing an address that does not answer shows a warning next to the field,
// a live one shows its status and time, and neither blocks the form.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type BrowserHarness, startHarness } from './harness.ts';

describe('link check hint on the new-site form', () => {
  let h: BrowserHarness;
  let target: Server;
  let port: number;

  beforeAll(async () => {
    // A site on 127.0.0.1 (allow-listed for this test only): /ok answers 200, everything else 404.
    target = createServer((req, res) => {
      res.statusCode = req.url === '/ok' ? 200 : 404;
      res.end('<html><body>test</body></html>');
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    port = (target.address() as AddressInfo).port;
    const base = loadConfig({});
    h = await startHarness({ config: { linkCheck: { ...base.linkCheck, allow: ['127.0.0.1'], timeoutMs: 3000 } } });
  });

  afterAll(async () => {
    await h?.close();
    await new Promise<void>((resolve) => target.close(() => resolve()));
  });

  it('warns about a dead home address and confirms a live one', async () => {
    const { page, url } = h;
    await page.goto(`${url}/apply/form`);
    const field = page.locator('#homeUrl');
    await field.fill(`http://127.0.0.1:${port}/gone`);
    const hint = page.getByTestId('link-check-hint');
    await expect.poll(async () => (await hint.textContent()) ?? '', { timeout: 15_000 }).toContain('无法访问');
    expect(await hint.textContent()).toContain('404');
    await h.screenshot('link-check-dead');

    await field.fill(`http://127.0.0.1:${port}/ok`);
    await expect.poll(async () => (await hint.textContent()) ?? '', { timeout: 15_000 }).toContain('可以访问');
    expect(h.errors).toEqual([]);
  });
});
