// The browser tests are only as good as the server under them: check that it
// answers like the real host would, on a throwaway site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { startStaticServer } from './static-server.mjs';

let dir, server;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congkhai-site-'));
  fs.mkdirSync(path.join(dir, 'site', 'thu-tuc'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'site', 'index.html'), '<p>home');
  fs.writeFileSync(path.join(dir, 'site', '404.html'), '<p>missing');
  fs.writeFileSync(path.join(dir, 'site', 'thu-tuc', 'index.html'), '<p>list');
  fs.writeFileSync(path.join(dir, 'site', 'data.csv'), 'a,b\n');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside');
  server = await startStaticServer(path.join(dir, 'site'));
});

after(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true });
});

test('listens on a random loopback port', () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
});

test('serves directory index and content types', async () => {
  const res = await fetch(`${server.url}/thu-tuc/`);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), '<p>list');
  assert.match(res.headers.get('content-type'), /^text\/html/);
  assert.match((await fetch(`${server.url}/data.csv`)).headers.get('content-type'), /^text\/csv/);
});

test('redirects a directory without its slash', async () => {
  const res = await fetch(`${server.url}/thu-tuc`, { redirect: 'manual' });
  assert.equal(res.status, 301);
  assert.equal(res.headers.get('location'), '/thu-tuc/');
});

test('answers missing files with 404.html and status 404', async () => {
  const res = await fetch(`${server.url}/khong-co/`);
  assert.equal(res.status, 404);
  assert.equal(await res.text(), '<p>missing');
});

test('refuses paths outside the root', async () => {
  // fetch() would normalise "..", so send the raw request line.
  for (const target of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
    const reply = await new Promise((resolve, reject) => {
      const { port } = new URL(server.url);
      const sock = net.connect(port, '127.0.0.1', () => {
        sock.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      });
      let data = '';
      sock.on('data', (d) => { data += d; }).on('end', () => resolve(data)).on('error', reject);
    });
    assert.match(reply, /^HTTP\/1\.1 (403|404)/, target);
    assert.doesNotMatch(reply, /outside/, target);
  }
});
