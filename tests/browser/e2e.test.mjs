// End-to-end tests of the web UI in headless chromium, on the fixture articles
// (tests/serve/fixtures) ingested by the real binary. Screenshots go to
// $NEWSGRAPH_ARTIFACTS (the build folder's browser-artifacts/ under ctest).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifactsDir, buildFixtureStore, launchBrowser, openView, startServer } from './harness.mjs';

let server, browser, page, docs;
const shots = artifactsDir();

before(async () => {
  const db = buildFixtureStore();
  server = await startServer(db);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('request', (r) => assert.ok(r.url().startsWith(server.url), 'no request leaves the server: ' + r.url()));
  const events = await (await fetch(server.url + 'api/events?sort=date')).json();
  docs = {};
  for (const id of ['fx-e1', 'fx-e3', 'fx-e5']) {
    const e = await (await fetch(server.url + 'api/events/' + id)).json();
    docs[id] = e.mentions[0];
  }
  assert.ok(events.items.length >= 6);
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.stop();
});

async function shot(name) {
  await page.screenshot({ path: join(shots, name + '.png'), fullPage: true });
}

test('search box finds a quote and its speaker', async () => {
  await openView(page, server.url, '#/');
  await page.keyboard.press('/');  // the keyboard shortcut focuses the search box
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  await page.keyboard.type('restraint');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.hits li');
  const text = await page.textContent('.hits');
  assert.match(text, /Wang Wenbin/);
  assert.equal(await page.textContent('.hits mark.hit'), 'restraint');
  await shot('search');
});

test('article view highlights an event evidence, its cue, quotes and speakers', async () => {
  const m = docs['fx-e1'];
  await openView(page, server.url, `#/doc/${encodeURIComponent(m.doc_id)}?event=${encodeURIComponent(m.id)}`);
  const evidence = await page.$$eval('mark.evidence', (els) => els.map((e) => e.textContent).join(''));
  assert.match(evidence, /Vladimir Putin met North Korean leader Kim Jong-un/);
  const cues = await page.$$eval('mark.cue', (els) => els.map((e) => e.textContent));
  assert.ok(cues.includes('met'), cues.join(', '));
  assert.ok(await page.$('mark.evidence.selected'), 'the linked event is selected');
  const quotes = await page.$$eval('li.quote-item', (els) => els.map((e) => e.textContent));
  assert.ok(quotes.some((q) => q.startsWith('Kim Jong-un') && q.includes('sacred fight')), quotes.join(' | '));
  assert.ok(quotes.some((q) => q.startsWith('Dmitry Peskov') && q.includes('substantive and friendly')));
  const quoted = await page.$$eval('mark.quote', (els) => els.map((e) => e.textContent).join(''));
  assert.match(quoted, /We will always stand with Russia/);
  await shot('article');
});

test('actor page lists roles, aliases and quotes', async () => {
  await openView(page, server.url, '#/actor/1003');
  assert.equal(await page.textContent('h1'), 'Dmitry Peskov');
  assert.match(await page.textContent('ul.roles'), /Kremlin spokesman/);
  assert.match(await page.textContent('main'), /no agreements would be signed/);
  await shot('actor');
});

test('quote browser filters by speaker alias', async () => {
  await openView(page, server.url, '#/quotes?speaker=Peskov');
  const speakers = await page.$$eval('tr.quote-row td.speaker', (els) => els.map((e) => e.textContent));
  assert.ok(speakers.length >= 2, speakers.join(', '));  // the seeded two, and the pipeline's own if it found them
  assert.ok(speakers.every((s) => s === 'Dmitry Peskov'), speakers.join(', '));
  await shot('quotes');
});

test('events table filters by actor and links to the evidence', async () => {
  await openView(page, server.url, '#/events?actor=1001');
  assert.match(await page.textContent('tbody'), /Vladimir Putin/);
  await page.click('tbody a[href^="#/event/"]');
  await page.waitForSelector('main h1:has-text("Event 040")');
  assert.match(await page.textContent('main'), /Russian President Vladimir Putin met/);
  await shot('event');
});

test('timeline draws bars per quad class', async () => {
  await openView(page, server.url, '#/timeline');
  assert.ok((await page.$$('svg.chart rect')).length >= 6);
  assert.match(await page.textContent('main'), /\d+ events over \d+ days/);
  await openView(page, server.url, '#/timeline?actor=1001');
  assert.match(await page.textContent('main'), /1 events over 1 days/);
  await shot('timeline');
});

test('network shows actors and links', async () => {
  await openView(page, server.url, '#/network');
  const labels = await page.$$eval('g.node text', (els) => els.map((e) => e.textContent));
  // RUSGOV: Putin and Peskov share it, so the node is the code.
  assert.ok(labels.includes('RUSGOV') && labels.some((l) => /Kim Jong-un|PRKGOV/.test(l)), labels.join(', '));
  assert.ok((await page.$$('line.edge')).length >= 6);
  await shot('network');
});

test('map shows countries and event places', async () => {
  await openView(page, server.url, '#/map');
  assert.ok((await page.$$('path.land')).length > 100);
  const places = await page.$$eval('circle.place title', (els) => els.map((e) => e.textContent));
  assert.ok(places.some((p) => p.startsWith('Vostochny Cosmodrome')), places.join(', '));
  await shot('map');
});

test('a bad filter shows the API error, the page stays usable', async () => {
  await openView(page, server.url, '#/events?root=abc');
  assert.match(await page.textContent('main .error'), /root must be a CAMEO root/);
  await openView(page, server.url, '#/actors');
  assert.match(await page.textContent('tbody'), /Vladimir Putin/);
});
