// Shared setup for the browser tests: which site, which pages, which browser.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const siteDir = path.resolve(process.env.SITE_DIR || path.join(repoRoot, 'output'));

const MAX_PAGES = 150;

// Short-link stubs (/tthc/<code>/) only forward to the procedure page; the
// browser follows them at once, so they are checked by the HTML and link
// gates, not here.
function isRedirect(file) {
  return /<meta http-equiv="refresh"/i.test(fs.readFileSync(file, 'utf8'));
}

// All .html files under the site, as sorted "/"-separated relative paths.
export function listPages(root = siteDir) {
  if (!fs.existsSync(root)) throw new Error(`site directory not found: ${root} (set SITE_DIR)`);
  const pages = fs.readdirSync(root, { recursive: true })
    .map((p) => p.split(path.sep).join('/'))
    .filter((p) => p.endsWith('.html'))
    .filter((p) => !isRedirect(path.join(root, p)))
    .sort();
  if (pages.length === 0) throw new Error(`no .html files under ${root}`);
  return pages;
}

// The kind of page, from where it sits: "thu-tuc/index.html" (the catalog)
// and "thu-tuc/<slug>/index.html" (a procedure) are different kinds, and so
// are a news list and a post, whatever sections later features add.
export function pageKind(page) {
  const parts = page.split('/');
  return parts.length === 1 ? page : `${parts[0]}/${parts.length}`;
}

// Large sites get a fixed, evenly spread sample, so runs stay fast and
// repeatable while every kind of page and the error page are covered.
export function samplePages(pages, max = MAX_PAGES) {
  if (pages.length <= max) return pages;
  const chosen = new Set();
  const seenKinds = new Set();
  for (const p of pages) {
    if (!seenKinds.has(pageKind(p))) {
      seenKinds.add(pageKind(p));
      chosen.add(p);
    }
  }
  const rest = pages.filter((p) => !chosen.has(p));
  const room = Math.max(0, max - chosen.size);
  for (let i = 0; i < room; i++) chosen.add(rest[Math.floor((i * rest.length) / room)]);
  return [...chosen].sort();
}

// The address a visitor would use: "a/index.html" is linked as "a/".
export function pageUrl(base, page) {
  return `${base}/${page.replace(/(^|\/)index\.html$/, '$1')}`;
}

// Debian's Chromium; the flags keep it off the network, which is closed here.
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
