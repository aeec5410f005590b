// Shared by the browser tests and bench/bench_serve_pages.mjs: builds a fixture
// store with the real binary, starts `newsgraph serve` on a free loopback port,
// and launches Debian's headless chromium through playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const here = dirname(fileURLToPath(import.meta.url));
export const sourceDir = join(here, '..', '..');
const require = createRequire(import.meta.url);

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

// Why the suite cannot run here, or null.
export function missingPrerequisite() {
  if (!process.env.NEWSGRAPH_BINARY || !existsSync(process.env.NEWSGRAPH_BINARY)) return 'NEWSGRAPH_BINARY is not set to the built newsgraph';
  if (!chromiumPath()) return 'no chromium (apt-get install chromium; scripts/install-deps.sh does it)';
  if (!existsSync(join(here, 'node_modules', 'playwright-core'))) return 'tests/browser/node_modules missing (run: cd tests/browser && npm ci)';
  if (spawnSync('sqlite3', ['-version']).status !== 0) return 'no sqlite3 command (apt-get install sqlite3)';
  return null;
}

export function chromiumPath() {
  return [process.env.CHROMIUM, ...CHROMIUM_CANDIDATES].find((p) => p && existsSync(p));
}

function run(cmd, args, input) {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

// Ingests the fixture articles with the whole pipeline and seeds the known rows.
export function buildFixtureStore() {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-browser-'));
  const db = join(dir, 'fixtures.db');
  const articles = join(sourceDir, 'tests', 'serve', 'fixtures', 'articles');
  // NEWSGRAPH_TEST_INGEST: another build's binary to ingest with (its full pipeline).
  const ingest = process.env.NEWSGRAPH_TEST_INGEST || process.env.NEWSGRAPH_BINARY;
  try {
    run(ingest, ['ingest', '--quiet', '--db', db, articles]);
  } catch (e) {
    // The UI tests need the stored text, not a particular model: while a model file
    // and the build disagree, fall back to the linguistic layers alone (and say so).
    console.log(`warning: full ingest failed, retrying with --until parse: ${e.message}`);
    run(process.env.NEWSGRAPH_BINARY, ['ingest', '--quiet', '--until', 'parse', '--db', db, articles]);
  }
  run('sqlite3', [db], readFileSync(join(sourceDir, 'tests', 'serve', 'fixtures', 'seed_layers.sql'), 'utf8'));
  return db;
}

// Starts the server on a free port; resolves to { url, stop }.
export function startServer(db, extraArgs = []) {
  const child = spawn(process.env.NEWSGRAPH_BINARY, ['serve', '--db', db, '--port', '0', '--host', '127.0.0.1', ...extraArgs],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + err)), 15000);
    child.stderr.on('data', (chunk) => {
      err += chunk;
      const m = /http:\/\/([\d.]+):(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ url: `http://${m[1]}:${m[2]}/`, stop: () => child.kill('SIGTERM') });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
}

export async function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
}

export function artifactsDir() {
  const dir = process.env.NEWSGRAPH_ARTIFACTS || join(tmpdir(), 'newsgraph-browser-artifacts');
  mkdirSync(dir, { recursive: true });
  return dir;
}

// Opens `hash` and waits until the view says it has rendered; returns milliseconds.
export async function openView(page, baseUrl, hash) {
  const t0 = Date.now();
  await page.goto(baseUrl + hash);
  await page.waitForFunction((h) => document.getElementById('main').dataset.rendered === h, hash, { timeout: 10000 });
  return Date.now() - t0;
}
