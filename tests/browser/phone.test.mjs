// What a citizen sees first on a 360×740 phone, after scanning a poster:
// the page's title near the top, and on a procedure page the summary box
// with its time limit and fee on the first screen; on the home page, the
// search box. Then queries typed as people type them.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { siteDir, launchBrowser } from './site.mjs';
import { startStaticServer } from './static-server.mjs';

const SCREEN = { width: 360, height: 740 };
const PROCEDURES = ['thu-tuc/dang-ky-khai-sinh/', 'thu-tuc/dang-ky-ket-hon/', 'thu-tuc/dang-ky-cap-giay-chung-nhan-lan-dau/'];
const LAND = 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với hộ gia đình, cá nhân, cộng đồng dân cư, người gốc Việt Nam định cư ở nước ngoài';
// [query as typed, the name that must come first]
const QUERIES = [
  ['dang ki khai sinh', 'Đăng ký khai sinh'],
  ['dang ky ket hon', 'Đăng ký kết hôn'],
  ['dang ki ket hon', 'Đăng ký kết hôn'],
  ['khaisinh', 'Đăng ký khai sinh'],
  ['dangkykethon', 'Đăng ký kết hôn'],
  ['so do', LAND],
  ['lam so do', LAND],
  ['giay khai sinh cho con', 'Đăng ký khai sinh'],
];

// Top of the first element matching `selector`, in CSS pixels from the top of the page.
function top(tab, selector) {
  return tab.$eval(selector, (el) => el.getBoundingClientRect().top + window.scrollY);
}

describe('a phone screen', () => {
  let server, browser, tab;

  before(async () => {
    server = await startStaticServer(siteDir);
    browser = await launchBrowser();
    tab = await browser.newPage({ viewport: SCREEN });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const page of PROCEDURES) {
    test(`${page}: the title, then the time limit and fee on the first screen`, async () => {
      await tab.goto(`${server.url}/${page}`, { waitUntil: 'load' });
      const h1 = await top(tab, 'h1');
      assert.ok(h1 <= 300, `h1 starts at ${h1} px`);
      // The quickest channel's time limit and fee, the box's first answer.
      const first = '.at-a-glance .glance-time li';
      const end = await tab.$eval(first, (el) => el.getBoundingClientRect().bottom + window.scrollY);
      assert.ok(end <= SCREEN.height, `the first time limit and fee end at ${end} px`);
      const text = await tab.textContent(first);
      assert.match(text, /Thời hạn/);
      assert.match(text, /Lệ phí/i);
      assert.ok(await top(tab, '#giay-to') > (await top(tab, '.at-a-glance')), 'the checklist follows the summary');
    });
  }

  test('the home page: the search box on the first screen', async () => {
    await tab.goto(`${server.url}/`, { waitUntil: 'load' });
    const box = await tab.$eval('#tu-khoa', (el) => el.getBoundingClientRect().bottom + window.scrollY);
    assert.ok(box <= SCREEN.height, `search box ends at ${box} px`);
  });

  test('the menu is one control, and it works without JavaScript', async () => {
    const context = await browser.newContext({ viewport: SCREEN, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/thu-tuc/dang-ky-khai-sinh/`, { waitUntil: 'load' });
    assert.equal(await page.locator('.site-header nav a:visible').count(), 0, 'menu links shown in the header');
    await page.click('.menu-link');
    await page.click('#menu a[href$="thu-tuc/"]');
    assert.equal(await page.textContent('h1'), 'Danh mục thủ tục hành chính');
    await context.close();
  });

  for (const [query, first] of QUERIES) {
    test(`search "${query}" puts ${first.slice(0, 40)} first`, async () => {
      await tab.goto(`${server.url}/tim-kiem/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
      await tab.waitForFunction(() => document.getElementById('ket-qua-tim').textContent !== '');
      const found = await tab.$$eval('#danh-sach-tim li a', (links) => links.map((a) => a.textContent));
      assert.equal(found[0], first, `results for "${query}": ${found.slice(0, 3).join(' | ')}`);
    });
  }
});
