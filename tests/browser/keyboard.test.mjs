// Keyboard-only visitors must be able to skip the header, reach the search box
// and reach the online-submission link, and must always see where focus is.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { siteDir, listPages, samplePages, pageUrl, launchBrowser } from './site.mjs';
import { startStaticServer } from './static-server.mjs';

const SUBMIT_TEXT = 'Nộp hồ sơ trực tuyến';
const MAX_TABS_TO_SEARCH = 40;

const pages = samplePages(listPages());

// Describes document.activeElement; `marked` is true for the element tagged by markSubmitLink.
function focusedInfo() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const rect = el.getBoundingClientRect();
  return {
    html: el.outerHTML.slice(0, 160),
    isSamePageLink: el.localName === 'a' && (el.getAttribute('href') || '').startsWith('#'),
    targetExists: !!document.getElementById(decodeURIComponent((el.getAttribute('href') || '#').slice(1))),
    onScreen: rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0
      && rect.left < innerWidth && rect.top < innerHeight,
    isSearch: el.localName === 'input'
      && (el.type === 'search' || !!el.closest('[role="search"], search')),
    marked: el.hasAttribute('data-test-submit-link'),
    indicator: outlined || style.boxShadow !== 'none',
    style: `outline: ${style.outlineStyle} ${style.outlineWidth}; box-shadow: ${style.boxShadow}`,
  };
}

// Tags the submission link so focus can be matched to it; returns how many
// focusable elements the page has, which bounds the Tab presses needed.
function markSubmitLink(text) {
  const norm = (s) => s.normalize('NFC').replace(/\s+/g, ' ');
  const link = [...document.querySelectorAll('a[href]')]
    .find((a) => norm(a.textContent).includes(norm(text)));
  if (!link) return 0;
  link.setAttribute('data-test-submit-link', '');
  return document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').length;
}

// Presses Tab until `wanted(info)` holds; returns that info, or null.
async function tabUntil(tab, wanted, maxPresses) {
  for (let i = 0; i < maxPresses; i++) {
    await tab.keyboard.press('Tab');
    const info = await tab.evaluate(focusedInfo);
    if (info && wanted(info)) return info;
  }
  return null;
}

function assertVisibleFocus(info, what) {
  assert.ok(info.indicator, `${what} has no visible focus indicator (${info.style}): ${info.html}`);
}

describe(`keyboard navigation of ${siteDir}`, () => {
  let server, browser, tab;

  before(async () => {
    server = await startStaticServer(siteDir);
    browser = await launchBrowser();
    tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('index.html: Tab reaches the search box', async () => {
    await tab.goto(pageUrl(server.url, 'index.html'));
    const info = await tabUntil(tab, (i) => i.isSearch, MAX_TABS_TO_SEARCH);
    assert.ok(info, `no search input reached within ${MAX_TABS_TO_SEARCH} presses of Tab`);
    assertVisibleFocus(info, 'the search input');
  });

  for (const page of pages) {
    test(page, async () => {
      await tab.goto(pageUrl(server.url, page));
      await tab.keyboard.press('Tab');
      const first = await tab.evaluate(focusedInfo);
      assert.ok(first?.isSamePageLink,
        `first Tab should land on a skip link (<a href="#...">), got: ${first?.html ?? 'nothing'}`);
      assert.ok(first.targetExists, `skip link points to a missing id: ${first.html}`);
      assert.ok(first.onScreen, `skip link stays hidden when focused: ${first.html}`);
      assertVisibleFocus(first, 'the skip link');

      const focusables = await tab.evaluate(markSubmitLink, SUBMIT_TEXT);
      if (!focusables) return;
      const info = await tabUntil(tab, (i) => i.marked, focusables + 1);
      assert.ok(info, `the "${SUBMIT_TEXT}" link cannot be reached with Tab`);
      assertVisibleFocus(info, `the "${SUBMIT_TEXT}" link`);
    });
  }
});
