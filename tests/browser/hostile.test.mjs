// Every page of every hostile site that builds (see tests/tools/check_hostile.py),
// loaded in Chromium: the payloads in its sources try to open a dialog or set
// window.__pwned; neither may happen.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, pageUrl } from './site.mjs';
import { startStaticServer } from './static-server.mjs';

const hostileDir = path.resolve(process.env.HOSTILE_DIR || 'build/hostile-sites');

function allPages(root) {
  return fs.readdirSync(root, { recursive: true })
    .map((p) => p.split(path.sep).join('/'))
    .filter((p) => p.endsWith('.html'))
    .sort();
}

const sites = fs.existsSync(hostileDir) ? fs.readdirSync(hostileDir).sort() : [];

test('some hostile sites were built', () => {
  assert.ok(sites.length > 0, `no sites under ${hostileDir}; run tests/tools/check_hostile.py --keep`);
});

for (const site of sites) {
  describe(`hostile site ${site}`, () => {
    let server, browser, tab;
    const fired = [];

    before(async () => {
      server = await startStaticServer(path.join(hostileDir, site));
      browser = await launchBrowser();
      tab = await browser.newPage();
      tab.setDefaultNavigationTimeout(180_000);  // one page holds a 10 MB paragraph
      // Short links forward with <meta http-equiv="refresh">; keep the browser on
      // them so their own text is checked, not only the page they forward to.
      await tab.route('**/*', async (route) => {
        const response = await route.fetch();
        if (!/text\/html/.test(response.headers()['content-type'] ?? '')) return route.fulfill({ response });
        const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/gi, '');
        return route.fulfill({ response, body });
      });
      tab.on('dialog', async (dialog) => {
        fired.push(`${dialog.type()} dialog: ${dialog.message()}`);
        await dialog.dismiss();
      });
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const page of allPages(path.join(hostileDir, site))) {
      test(page, async () => {
        fired.length = 0;
        await tab.goto(pageUrl(server.url, page), { waitUntil: 'load' });
        // Give onerror/onload handlers of a broken <img> or <svg> time to run.
        await tab.waitForTimeout(100);
        const pwned = await tab.evaluate(() => window.__pwned ?? null);
        assert.equal(pwned, null, `${page}: a payload ran (window.__pwned = ${pwned})`);
        assert.deepEqual(fired, [], `${page}: a payload opened a dialog`);
      });
    }
  });
}
