// Search as a citizen uses it: typing on a phone without diacritics, in
// Debian's Chromium, both from the web server and from a folder opened on
// disk (file://). The first result must be the procedure they meant.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { siteDir, launchBrowser } from './site.mjs';
import { startStaticServer } from './static-server.mjs';

// [query as typed, the name that must come first (null: any), names that must also be found]
const QUERIES = [
  ['dang ky khai sinh', 'Đăng ký khai sinh', ['Đăng ký lại khai sinh', 'Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con']],
  ['khai sinh', 'Đăng ký khai sinh', ['Đăng ký lại khai sinh']],
  ['ĐĂNG KÝ', null, ['Đăng ký khai sinh', 'Đăng ký kết hôn', 'Đăng ký khai tử']],
  ['1.001193', 'Đăng ký khai sinh', []],
  ['ket hon', 'Đăng ký kết hôn', []],
  ['chung thuc ban sao', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận', []],
  ['hoa giai dat dai', 'Hòa giải tranh chấp đất đai', []],
  ['nguoi co cong', 'Cấp giấy xác nhận thân nhân của người có công', []],
  ['hoi nghi cai cach', 'Hội nghị quán triệt, triển khai công tác cải cách hành chính năm 2023', []],
];

async function results(tab) {
  return tab.$$eval('#danh-sach-tim li a', (links) => links.map((a) => a.textContent));
}

async function typeQuery(tab, query) {
  await tab.fill('#tu-khoa', '');
  await tab.type('#tu-khoa', query, { delay: 10 });
  await tab.waitForFunction((q) => document.getElementById('ket-qua-tim').textContent.includes(q), query);
}

for (const mode of ['http', 'file']) {
  describe(`search over ${mode}://`, () => {
    let server, browser, tab, searchUrl, homeUrl;
    const outside = [];

    before(async () => {
      browser = await launchBrowser();
      tab = await browser.newPage();
      if (mode === 'http') {
        server = await startStaticServer(siteDir);
        searchUrl = `${server.url}/tim-kiem/`;
        homeUrl = `${server.url}/`;
      } else {
        searchUrl = pathToFileURL(path.join(siteDir, 'tim-kiem', 'index.html')).href;
        homeUrl = pathToFileURL(path.join(siteDir, 'index.html')).href;
      }
      const root = new URL('..', searchUrl).href;
      tab.on('request', (r) => { if (!r.url().startsWith(root)) outside.push(r.url()); });
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const [query, first, others] of QUERIES) {
      test(`"${query}" finds ${first ?? others.join(', ')}`, async () => {
        await tab.goto(searchUrl, { waitUntil: 'load' });
        await typeQuery(tab, query);
        const found = await results(tab);
        if (first) assert.equal(found[0], first, `results for "${query}": ${found.slice(0, 5).join(' | ')}`);
        else assert.ok(found.length > 0, `"${query}" found nothing`);
        for (const name of others) assert.ok(found.includes(name), `"${query}" should also find ${name}`);
      });
    }

    test('a query with no match says so in the live region', async () => {
      await tab.goto(searchUrl, { waitUntil: 'load' });
      await typeQuery(tab, 'xyzw');
      assert.deepEqual(await results(tab), []);
      const status = await tab.$eval('#ket-qua-tim', (el) => [el.getAttribute('aria-live'), el.textContent]);
      assert.equal(status[0], 'polite');
      assert.match(status[1], /Không tìm thấy kết quả cho “xyzw”/);
    });

    test('the home page search box lands on the results', async () => {
      await tab.goto(homeUrl, { waitUntil: 'load' });
      await tab.fill('#tu-khoa', 'dang ky khai tu');
      await Promise.all([tab.waitForNavigation({ waitUntil: 'load' }), tab.press('#tu-khoa', 'Enter')]);
      await tab.waitForSelector('#danh-sach-tim li a');
      assert.equal((await results(tab))[0], 'Đăng ký khai tử');
      assert.equal(await tab.inputValue('#tu-khoa'), 'dang ky khai tu');
      // The result links work from here.
      await Promise.all([tab.waitForNavigation({ waitUntil: 'load' }), tab.click('#danh-sach-tim li a')]);
      assert.equal(await tab.textContent('h1'), 'Đăng ký khai tử');
    });

    test('nothing is fetched from outside the site', () => {
      assert.deepEqual(outside, []);
    });
  });
}
