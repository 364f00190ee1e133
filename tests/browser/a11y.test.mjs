// WCAG 2.2 AA checks with axe-core on every page, at phone and desktop widths,
// plus a check that nothing scrolls sideways on the narrowest phones.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { siteDir, listPages, samplePages, pageUrl, launchBrowser } from './site.mjs';
import { startStaticServer } from './static-server.mjs';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const VIEWPORTS = [{ width: 360, height: 740 }, { width: 1280, height: 800 }];
const NARROWEST = 320;

const pages = samplePages(listPages());

function describeViolations(viewport, violations) {
  return violations.flatMap((v) => [
    `[${viewport.width}x${viewport.height}] ${v.id} (${v.impact}): ${v.help}`,
    ...v.nodes.slice(0, 5).flatMap((n) => [
      `    target: ${n.target.join(' ')}`,
      `    html: ${n.html.slice(0, 300)}`,
      `    fix: ${n.failureSummary.replace(/\n\s*/g, ' ')}`,
    ]),
    ...(v.nodes.length > 5 ? [`    ...and ${v.nodes.length - 5} more`] : []),
  ]);
}

describe(`accessibility of ${siteDir}`, () => {
  let server, browser, tab;

  before(async () => {
    server = await startStaticServer(siteDir);
    browser = await launchBrowser();
    tab = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const page of pages) {
    test(page, async () => {
      const problems = [];
      for (const viewport of VIEWPORTS) {
        await tab.setViewportSize(viewport);
        const response = await tab.goto(pageUrl(server.url, page), { waitUntil: 'load' });
        assert.equal(response.status(), 200, `${page} was not served`);
        await tab.addScriptTag({ content: AXE_SOURCE });
        const violations = await tab.evaluate(
          (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
            .then((r) => r.violations),
          AXE_TAGS,
        );
        problems.push(...describeViolations(viewport, violations));
      }

      await tab.setViewportSize({ width: NARROWEST, height: 740 });
      const overflow = await tab.evaluate((limit) => ({
        width: document.documentElement.scrollWidth,
        // Name the outermost elements that stick out, so the culprit is easy to find.
        culprits: [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > limit + 0.5
            && !(el.parentElement.getBoundingClientRect().right > limit + 0.5))
          .slice(0, 5)
          .map((el) => el.outerHTML.slice(0, 120)),
      }), NARROWEST);
      if (overflow.width > NARROWEST) {
        problems.push(`[${NARROWEST}px] page is ${overflow.width}px wide (scrolls sideways); too wide:`,
          ...overflow.culprits.map((c) => `    ${c}`));
      }

      if (problems.length) assert.fail(`${page}\n${problems.join('\n')}`);
    });
  }
});
