// Page render times of the web UI on a large store (issue 7 floor: < 1 s each).
// Opens each view in headless chromium (tests/browser's playwright-core) and
// prints the time from navigation to the view's data being drawn, cold (first
// visit, response cache empty) and warm (second visit).
//   NEWSGRAPH_BINARY=build/newsgraph node bench/bench_serve_pages.mjs STORE.db
import { join } from 'node:path';
import { launchBrowser, missingPrerequisite, openView, startServer, artifactsDir } from '../tests/browser/harness.mjs';

const db = process.argv[2];
const missing = missingPrerequisite();
if (!db || missing) {
  console.error(`usage: NEWSGRAPH_BINARY=build/newsgraph node bench/bench_serve_pages.mjs STORE.db${missing ? ` (${missing})` : ''}`);
  process.exit(2);
}
const server = await startServer(db, ['--threads', '16']);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const ev = await (await fetch(server.url + 'api/events/fx-e1')).json();
  const doc = ev.mentions[0].doc_id;
  const views = [
    ['search', '#/?q=ceasefire'], ['events', '#/events?actor=RUS'], ['event', '#/event/b-000001'],
    ['article', `#/doc/${encodeURIComponent(doc)}`], ['actor', '#/actor/2001'], ['quotes', '#/quotes?speaker=Berg'],
    ['timeline', '#/timeline'], ['network', '#/network'], ['map', '#/map'], ['home', '#/'],
  ];
  const stats = await (await fetch(server.url + 'api/stats')).json();
  console.log(`store: ${stats.events} events, ${stats.quotes} quotes, ${stats.actors} actors, ${stats.documents} documents`);
  console.log(`${'view'.padEnd(10)} ${'cold ms'.padStart(8)} ${'warm ms'.padStart(8)}`);
  for (const [name, hash] of views) {
    await page.goto('about:blank');
    const cold = await openView(page, server.url, hash);
    await page.goto('about:blank');
    const warm = await openView(page, server.url, hash);
    await page.screenshot({ path: join(artifactsDir(), `bench-${name}.png`) });
    const error = await page.$('main .error');
    console.log(`${name.padEnd(10)} ${String(cold).padStart(8)} ${String(warm).padStart(8)}${error ? '  ERROR: ' + (await error.textContent()) : ''}`);
  }
} finally {
  await browser.close();
  server.stop();
}
