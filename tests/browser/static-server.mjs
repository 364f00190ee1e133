// Minimal static server for the browser tests: no dependencies, loopback only,
// behaves like the production web server for the things the site relies on.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

// Resolves a URL path to a file under root, or null if it escapes the root.
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  if (decoded.endsWith('/')) decoded += 'index.html';
  const file = path.resolve(root, '.' + decoded);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

async function readFileOrNull(file) {
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) return { redirect: true };
    return { body: await fs.readFile(file) };
  } catch {
    return null;
  }
}

// Starts a server for `root`; resolves to { url, close } once listening.
export async function startStaticServer(root) {
  const absRoot = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    const file = resolveInside(absRoot, pathname);
    if (!file) {
      res.writeHead(403, { 'content-type': TYPES['.txt'] }).end('forbidden\n');
      return;
    }
    const found = await readFileOrNull(file);
    if (found?.redirect) {
      // "/dir" without slash: relative links inside it only work from "/dir/".
      res.writeHead(301, { location: pathname + '/' }).end();
      return;
    }
    if (found) {
      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type }).end(found.body);
      return;
    }
    const notFound = await readFileOrNull(path.join(absRoot, '404.html'));
    res.writeHead(404, { 'content-type': TYPES[notFound?.body ? '.html' : '.txt'] });
    res.end(notFound?.body ?? 'not found\n');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    // The browser keeps connections alive; drop them so close() returns promptly.
    close: () => new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    }),
  };
}
