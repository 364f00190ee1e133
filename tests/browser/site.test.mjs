// The page sample of large sites must still hold every kind of page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { samplePages, pageKind } from './site.mjs';

const site = [
  '404.html', 'index.html', 'gioi-thieu/index.html', 'tim-kiem/index.html',
  'thu-tuc/index.html', 'linh-vuc/ho-tich/index.html', 'tin-tuc/index.html', 'ket-qua/index.html',
  'ket-qua/2023/index.html', 'in-an/1.000656/index.html',
  ...Array.from({ length: 300 }, (_, i) => `thu-tuc/a${String(i).padStart(3, '0')}/index.html`),
  ...Array.from({ length: 200 }, (_, i) => `tin-tuc/b${String(i).padStart(3, '0')}/index.html`),
].sort();

test('a small site is checked whole', () => {
  assert.deepEqual(samplePages(site.slice(0, 20), 150), site.slice(0, 20));
});

test('a large site is sampled to the limit, with every kind of page', () => {
  const sample = samplePages(site, 150);
  assert.equal(sample.length, 150);
  for (const kind of new Set(site.map(pageKind)))
    assert.ok(sample.some((p) => pageKind(p) === kind), `no page of kind ${kind}`);
  for (const page of ['index.html', '404.html', 'thu-tuc/index.html', 'tin-tuc/index.html'])
    assert.ok(sample.includes(page), page);
  assert.deepEqual(samplePages(site, 150), sample, 'the sample is the same every run');
});
