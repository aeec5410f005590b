// newsgraph web UI: one page, hash routes, plain DOM and hand-written SVG.
// Talks only to this server's /api/ (no network otherwise). Text from the store is
// always set with textContent, never as HTML.
'use strict';

const QUAD_NAMES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
const QUAD_COLORS = ['#2f8f5b', '#7cc49b', '#e39b4a', '#c43d3d'];
const SVG_NS = 'http://www.w3.org/2000/svg';
const main = document.getElementById('main');

// ---------- small helpers ----------
function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith('svg:') ? document.createElementNS(SVG_NS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
const svg = (tag, attrs, ...children) => el('svg:' + tag, attrs, ...children);

async function api(path, params = {}) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== undefined && v !== null));
  const url = '/api/' + path + (qs.toString() ? '?' + qs : '');
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.json();
  document.getElementById('status').textContent = `${url} — ${res.status} in ${Math.round(performance.now() - t0)} ms`;
  if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
  return body;
}

function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: Object.fromEntries(new URLSearchParams(query || '')) };
}
function link(path, params = {}) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== undefined));
  return '#' + path + (qs.toString() ? '?' + qs : '');
}
// A list, or a muted "none" when there is nothing to show.
function listOf(items, render, attrs = {}) {
  return items.length ? el('ul', attrs, items.map(render)) : el('p', { class: 'muted' }, 'None.');
}
function showError(e) { main.replaceChildren(el('p', { class: 'error', role: 'alert' }, 'Error: ' + e.message)); }
function page(title, ...children) {
  main.replaceChildren(el('h1', {}, title), ...children);
  document.title = title + ' — newsgraph';
}
function actorLink(side) {
  if (!side) return '—';
  const label = side.name || side.code || side.country || '?';
  return side.actor_id ? el('a', { href: link('/actor/' + side.actor_id) }, label) : label;
}
function snippet(text) {  // \u0002 … \u0003 marks matched words
  const out = el('span');
  text.split(/(\u0002[^\u0003]*\u0003)/).forEach((part) => {
    if (part.startsWith('\u0002')) out.append(el('mark', { class: 'hit' }, part.slice(1, -1)));
    else out.append(part);
  });
  return out;
}

// A filter form whose fields become the route's parameters.
function filterForm(path, params, fields) {
  const form = el('form', { class: 'filters', 'aria-label': 'Filters' });
  for (const f of fields) {
    const input = f.options
      ? el('select', { name: f.name }, f.options.map(([v, label]) => el('option', { value: v, selected: params[f.name] === v }, label)))
      : el('input', { name: f.name, value: params[f.name] || '', placeholder: f.placeholder || '', type: f.type || 'text', size: f.size || 12 });
    form.append(el('label', {}, f.label, input));
  }
  form.append(el('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    location.hash = link(path, data);
  });
  return form;
}
function pager(path, params, result) {
  const offset = Number(params.offset || 0), limit = result.limit;
  return el('div', { class: 'pager' },
    offset > 0 ? el('a', { href: link(path, { ...params, offset: Math.max(0, offset - limit) }) }, '← Previous') : null,
    el('span', { class: 'muted' }, `${offset + 1}–${offset + result.items.length}`),
    result.has_more ? el('a', { href: link(path, { ...params, offset: offset + limit }) }, 'Next →') : null);
}
const EVENT_FIELDS = [
  { name: 'actor', label: 'Actor (source)', placeholder: 'RUS, RUSGOV, Putin' },
  { name: 'target', label: 'Target', placeholder: 'PRK' },
  { name: 'root', label: 'CAMEO root', placeholder: '04', size: 4 },
  { name: 'plover', label: 'PLOVER', placeholder: 'CONSULT', size: 10 },
  { name: 'from', label: 'From', type: 'date' },
  { name: 'to', label: 'To', type: 'date' },
];
function eventParams(params) {
  const out = {};
  for (const k of ['actor', 'target', 'root', 'plover', 'from', 'to', 'near']) if (params[k]) out[k] = params[k];
  return out;
}

// ---------- views ----------
async function searchView({ params }) {
  const form = filterForm('/', params, [
    { name: 'q', label: 'Words', placeholder: 'Putin Kim summit', size: 28 },
    { name: 'kind', label: 'Kind', options: [['', 'all'], ['document', 'articles'], ['quote', 'quotes'], ['actor', 'actors']] },
    { name: 'from', label: 'From', type: 'date' }, { name: 'to', label: 'To', type: 'date' },
  ]);
  if (!params.q) {
    const stats = await api('stats');
    page('Search', form, el('p', { class: 'muted' },
      `${stats.documents} articles, ${stats.events} events, ${stats.quotes} quotes, ${stats.actors} actors` +
      (stats.first_event_date ? `, events from ${stats.first_event_date} to ${stats.last_event_date}` : '') + '.'));
    return;
  }
  const result = await api('search', { q: params.q, kind: params.kind, from: params.from, to: params.to, offset: params.offset });
  const list = el('ul', { class: 'hits' }, result.items.map((h) => {
    const href = h.kind === 'actor' ? link('/actor/' + h.id) : link('/doc/' + h.doc_id, h.kind === 'quote' ? { quote: h.id } : {});
    return el('li', {}, el('span', { class: 'kind' }, h.kind), el('a', { href }, h.title || h.id),
      h.date ? el('span', { class: 'muted' }, ' ' + h.date) : null, el('div', {}, snippet(h.snippet)));
  }));
  page(`Search: ${params.q}`, form, result.items.length ? list : el('p', {}, 'No match.'), pager('/', params, result));
}

async function eventsView({ params }) {
  const result = await api('events', { ...eventParams(params), sort: params.sort, offset: params.offset });
  const rows = result.items.map((e) => el('tr', {},
    el('td', {}, e.date || ''), el('td', {}, actorLink(e.source)), el('td', {}, el('a', { href: link('/event/' + e.id) }, `${e.cameo} ${e.plover}`)),
    el('td', {}, actorLink(e.target)), el('td', { class: 'quad' + e.quad }, e.goldstein), el('td', {}, e.place ? e.place.name : ''),
    el('td', {}, e.mention_count)));
  page('Events', filterForm('/events', params, [...EVENT_FIELDS,
    { name: 'sort', label: 'Sort', options: [['date', 'newest'], ['oldest', 'oldest'], ['-goldstein', 'most cooperative'], ['goldstein', 'most hostile'], ['mentions', 'most reported']] }]),
  el('table', {}, el('thead', {}, el('tr', {}, ['Date', 'Source', 'Code', 'Target', 'Goldstein', 'Place', 'Mentions'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows)), pager('/events', params, result));
}

async function eventView({ parts }) {
  const e = await api('events/' + encodeURIComponent(parts[1]));
  page(`Event ${e.cameo} ${e.plover}: ${e.source.name || e.source.code} → ${e.target.name || e.target.code}`,
    el('dl', { class: 'facts' }, el('dt', {}, 'Date'), el('dd', {}, e.date || '—'), el('dt', {}, 'Goldstein'), el('dd', {}, e.goldstein),
      el('dt', {}, 'Quad class'), el('dd', {}, QUAD_NAMES[e.quad - 1] || '—'), el('dt', {}, 'Place'), el('dd', {}, e.place ? e.place.name : '—')),
    el('h2', {}, 'Evidence'),
    el('ul', {}, e.mentions.map((m) => el('li', {}, el('q', {}, m.evidence.text), ' — ',
      el('a', { href: link('/doc/' + m.doc_id, { event: m.id }) }, m.doc_title || m.doc_id)))));
}

// "the words [CODE]" for one side of an event mention.
function side(s) { return [s.text, s.code ? `[${s.code}]` : ''].filter(Boolean).join(' ') || '—'; }

// The article with entity mentions, quotes and event evidence marked on the text.
async function docView({ parts, params }) {
  const d = await api('documents/' + encodeURIComponent(parts[1]));
  const chars = Array.from(d.text);  // offsets are code points
  const spans = [];
  const mentions = d.mentions || [];
  for (const m of mentions) spans.push({ start: m.start, end: m.end, cls: 'ent', title: `${m.type}: ${m.text}` });
  for (const q of d.quotes) {
    spans.push({ start: q.start, end: q.end, cls: 'quote', title: `${q.kind} quote by ${q.speaker ? q.speaker.name : 'unknown speaker'}`, id: 'quote-' + q.id });
  }
  for (const ev of d.events) {
    spans.push({ start: ev.evidence.start, end: ev.evidence.end, cls: 'evidence', title: `event ${ev.cameo} ${ev.plover}`, id: 'event-' + ev.ordinal, key: ev.id });
    spans.push({ start: ev.cue.start, end: ev.cue.end, cls: 'cue' });
  }
  const cuts = new Set([0, chars.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(chars.length, s.start))); cuts.add(Math.max(0, Math.min(chars.length, s.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  const text = el('div', { class: 'doc-text' });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = chars.slice(a, b).join('');
    const active = spans.filter((s) => s.start <= a && s.end >= b && s.end > s.start);
    if (!active.length) { text.append(piece); continue; }
    const classes = [...new Set(active.map((s) => s.cls))];
    const first = active.find((s) => s.id && s.start === a);
    const selected = active.some((s) => s.key && s.key === params.event) || active.some((s) => s.id === 'quote-' + params.quote);
    text.append(el('mark', { class: classes.join(' ') + (selected ? ' selected' : ''), title: active.map((s) => s.title).filter(Boolean).join('; '), id: first ? first.id : null }, piece));
  }
  const quotes = el('ul', {}, d.quotes.map((q) => el('li', { class: 'quote-item' },
    el('span', { class: 'speaker' }, q.speaker && q.speaker.actor_id ? el('a', { href: link('/actor/' + q.speaker.actor_id) }, q.speaker.name) : (q.speaker ? q.speaker.name : 'unknown speaker')),
    ` (${q.kind}): `, el('q', {}, q.text))));
  const events = el('ul', {}, d.events.map((ev) => el('li', { class: 'event-item' },
    el('a', { href: ev.event_id ? link('/event/' + ev.event_id) : null }, `${ev.cameo} ${ev.plover}`), ' ',
    `${side(ev.source)} → ${side(ev.target)}`, el('span', { class: 'quad' + ev.quad }, ` (${ev.goldstein})`))));
  const entities = el('ul', {}, (d.entities || []).map((e) => el('li', {}, el('b', {}, e.name), ` ${e.type}${e.actor ? ' ' + e.actor : ''}${e.roles && e.roles.length ? ', ' + e.roles.join(', ') : ''}`)));
  page(d.title || d.id,
    el('p', { class: 'muted' }, [d.date, d.source].filter(Boolean).join(' · ')),
    el('p', { class: 'legend' }, el('span', { class: 'ent' }, 'entity'), el('span', { class: 'quote' }, 'quote'), el('span', { class: 'evidence' }, 'event evidence'), el('span', { class: 'cue' }, 'cue')),
    el('div', { class: 'article' }, text, el('aside', { class: 'side' },
      el('h2', {}, `Quotes (${d.quotes.length})`), quotes, el('h2', {}, `Events (${d.events.length})`), events,
      el('h2', {}, `Entities (${(d.entities || []).length})`), entities)));
  const target = document.querySelector('.selected');
  if (target) target.scrollIntoView({ block: 'center' });
}

async function quotesView({ params }) {
  const result = await api('quotes', { speaker: params.speaker, about: params.about, kind: params.kind, from: params.from, to: params.to, offset: params.offset });
  page('Quotes', filterForm('/quotes', params, [
    { name: 'speaker', label: 'Speaker', placeholder: 'Peskov' }, { name: 'about', label: 'About (words)', placeholder: 'support' },
    { name: 'kind', label: 'Kind', options: [['', 'all'], ['direct', 'direct'], ['partial', 'partial'], ['indirect', 'indirect']] },
    { name: 'from', label: 'From', type: 'date' }, { name: 'to', label: 'To', type: 'date' }]),
  el('table', {}, el('thead', {}, el('tr', {}, ['Date', 'Speaker', 'Quote', 'Article'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, result.items.map((q) => el('tr', { class: 'quote-row' }, el('td', {}, q.date || ''),
      el('td', { class: 'speaker' }, q.speaker ? (q.speaker.actor_id ? el('a', { href: link('/actor/' + q.speaker.actor_id) }, q.speaker.name) : q.speaker.name) : 'unknown'),
      el('td', {}, el('q', {}, q.text), el('span', { class: 'kind' }, q.kind)),
      el('td', {}, el('a', { href: link('/doc/' + q.doc_id, { quote: q.id }) }, q.doc_title || q.doc_id)))))),
  pager('/quotes', params, result));
}

async function actorsView({ params }) {
  const result = await api('actors', { q: params.q, country: params.country, offset: params.offset });
  page('Actors', filterForm('/actors', params, [{ name: 'q', label: 'Name', placeholder: 'Putin' }, { name: 'country', label: 'Country', placeholder: 'RUS', size: 4 }]),
    el('table', {}, el('thead', {}, el('tr', {}, ['Name', 'Type', 'Code', 'Country', 'Mentions'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, result.items.map((a) => el('tr', {}, el('td', {}, el('a', { href: link('/actor/' + a.id) }, a.name)), el('td', {}, a.type), el('td', {}, a.code), el('td', {}, a.country), el('td', {}, a.mention_count))))),
    pager('/actors', params, result));
}

async function actorView({ parts }) {
  const a = await api('actors/' + encodeURIComponent(parts[1]));
  const eventRow = (e) => el('li', {}, `${e.date || ''} `, actorLink(e.source), ' → ', actorLink(e.target), ' ', el('a', { href: link('/event/' + e.id) }, `${e.cameo} ${e.plover}`));
  page(a.name,
    el('dl', { class: 'facts' }, el('dt', {}, 'Type'), el('dd', {}, a.type), el('dt', {}, 'Code'), el('dd', {}, a.code || '—'),
      el('dt', {}, 'Country'), el('dd', {}, a.country || '—'), el('dt', {}, 'Seen'), el('dd', {}, `${a.first_seen || '?'} to ${a.last_seen || '?'}`),
      el('dt', {}, 'Aliases'), el('dd', {}, a.aliases.map((x) => x.alias).join(', ') || '—')),
    el('h2', {}, 'Roles'), listOf(a.roles, (r) => el('li', { class: 'role' }, r.role, r.country ? ` (${r.country})` : '', el('span', { class: 'muted' }, ` since ${r.first_seen || '?'}`)), { class: 'roles' }),
    el('h2', {}, 'Quotes'), listOf(a.quotes, (q) => el('li', {}, el('q', {}, q.text), ' ', el('a', { href: link('/doc/' + q.doc_id, { quote: q.id }) }, q.date || 'article'))),
    el('h2', {}, 'Events as source'), listOf(a.events_as_source, eventRow),
    el('h2', {}, 'Events as target'), listOf(a.events_as_target, eventRow),
    el('p', {}, el('a', { href: link('/network', { actor: a.code || a.country }) }, 'Network of this actor'), ' · ',
      el('a', { href: link('/events', { actor: a.id }) }, 'All events')));
}

async function timelineView({ params }) {
  const { days } = await api('timeline', eventParams(params));
  const W = 1100, H = 320, pad = 40;
  const max = Math.max(1, ...days.map((d) => d.count));
  const bw = days.length ? (W - 2 * pad) / days.length : 0;
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Events per day, ${days.length} days` });
  days.forEach((d, i) => {
    let y = H - pad;
    d.quads.forEach((n, q) => {
      if (!n) return;
      const h = (n / max) * (H - 2 * pad);
      y -= h;
      chart.append(svg('rect', { x: pad + i * bw, y, width: Math.max(1, bw - 0.5), height: h, fill: QUAD_COLORS[q] },
        svg('title', {}, `${d.date}: ${n} ${QUAD_NAMES[q]}`)));
    });
  });
  const gy = (g) => pad + ((10 - g) / 20) * (H - 2 * pad);
  if (days.length > 1) {
    chart.append(svg('polyline', { fill: 'none', stroke: '#222', 'stroke-width': 1, points: days.map((d, i) => `${pad + (i + 0.5) * bw},${gy(d.goldstein)}`).join(' ') }));
  }
  chart.append(svg('text', { x: 4, y: pad - 8 }, `${max} events`), svg('text', { x: W - pad - 120, y: pad - 8 }, 'line: mean Goldstein'));
  if (days.length) chart.append(svg('text', { x: pad, y: H - 10 }, days[0].date), svg('text', { x: W - pad - 60, y: H - 10 }, days[days.length - 1].date));
  page('Timeline', filterForm('/timeline', params, EVENT_FIELDS), chart,
    el('p', { class: 'legend' }, QUAD_NAMES.map((n, q) => el('span', { style: null, class: 'quad' + (q + 1) }, '■ ' + n))),
    el('p', { class: 'muted' }, `${days.reduce((s, d) => s + d.count, 0)} events over ${days.length} days`));
}

async function networkView({ params }) {
  const net = await api('network', { ...eventParams(params), min_count: params.min_count });
  const W = 1000, H = 640;
  const nodes = net.nodes.map((n, i) => ({ ...n, x: W / 2 + 250 * Math.cos((2 * Math.PI * i) / net.nodes.length), y: H / 2 + 250 * Math.sin((2 * Math.PI * i) / net.nodes.length), vx: 0, vy: 0 }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = net.edges.map((e) => ({ ...e, s: byId.get(e.source), t: byId.get(e.target) }));
  for (let it = 0; it < 200; it++) {  // a small force layout: repulsion, springs, gravity
    for (const a of nodes) for (const b of nodes) {
      if (a === b) continue;
      const dx = a.x - b.x, dy = a.y - b.y, d2 = Math.max(100, dx * dx + dy * dy);
      a.vx += (dx / d2) * 300; a.vy += (dy / d2) * 300;
    }
    for (const e of edges) {
      const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.max(1, Math.hypot(dx, dy)), f = ((d - 110) / d) * 0.03;
      e.s.vx += dx * f; e.s.vy += dy * f; e.t.vx -= dx * f; e.t.vy -= dy * f;
    }
    for (const n of nodes) { n.vx += (W / 2 - n.x) * 0.01; n.vy += (H / 2 - n.y) * 0.01; n.x = Math.min(W - 60, Math.max(60, n.x + n.vx)); n.y = Math.min(H - 20, Math.max(20, n.y + n.vy)); n.vx *= 0.5; n.vy *= 0.5; }
  }
  const maxCount = Math.max(1, ...edges.map((e) => e.count));
  const color = (g) => (g >= 0 ? `rgb(${Math.round(120 - g * 9)},${Math.round(150 + g * 6)},${Math.round(110 - g * 5)})` : `rgb(${Math.round(190 - g * 5)},${Math.round(90 + g * 5)},${Math.round(70 + g * 3)})`);
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Actor network: ${nodes.length} actors, ${edges.length} links` });
  for (const e of edges) {
    chart.append(svg('line', { class: 'edge', x1: e.s.x, y1: e.s.y, x2: e.t.x, y2: e.t.y, stroke: color(e.goldstein), 'stroke-width': 1 + (5 * e.count) / maxCount },
      svg('title', {}, `${e.source} → ${e.target}: ${e.count} events, mean Goldstein ${e.goldstein}`)));
  }
  const maxNode = Math.max(1, ...nodes.map((n) => n.count));
  for (const n of nodes) {
    const r = 4 + 10 * Math.sqrt(n.count / maxNode);
    const g = svg('g', { class: 'node' }, svg('circle', { cx: n.x, cy: n.y, r }), svg('text', { x: n.x + r + 3, y: n.y + 4 }, n.name || n.id),
      svg('title', {}, `${n.name ? n.name + ' (' + n.id + ')' : n.id}: ${n.count} events`));
    chart.append(n.actor_id ? svg('a', { href: link('/actor/' + n.actor_id) }, g) : g);
  }
  page('Actor network', filterForm('/network', params, [...EVENT_FIELDS, { name: 'min_count', label: 'Min events', size: 4 }]), chart,
    el('p', { class: 'muted' }, `${nodes.length} actors, ${edges.length} links; green = cooperation, red = conflict (mean Goldstein); width = events.`));
}

let worldCache = null;
async function mapView({ params }) {
  const [world, { places }] = await Promise.all([worldCache || fetch('world.json').then((r) => r.json()), api('places', eventParams(params))]);
  worldCache = world;
  const { width: W, height: H } = world;
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Map of events at ${places.length} places` });
  for (const c of world.countries) chart.append(svg('path', { class: 'land', d: c.d }, svg('title', {}, c.name)));
  const max = Math.max(1, ...places.map((p) => p.count));
  for (const p of places) {
    const x = ((p.lon + 180) / 360) * W, y = ((90 - p.lat) / 180) * H;
    const href = link('/events', { ...eventParams(params), near: `${p.lat},${p.lon},50` });
    chart.append(svg('a', { href, 'aria-label': `${p.name}: ${p.count} events` },
      svg('circle', { class: 'place', cx: x, cy: y, r: 2 + 10 * Math.sqrt(p.count / max) }, svg('title', {}, `${p.name} (${p.country}): ${p.count} events`))));
  }
  page('Map of events', filterForm('/map', params, EVENT_FIELDS), chart,
    el('p', { class: 'muted' }, `${places.length} places; circle area = events. Map: Natural Earth via world-atlas.`));
}

const ROUTES = { '': searchView, events: eventsView, event: eventView, doc: docView, quotes: quotesView, actors: actorsView, actor: actorView, timeline: timelineView, network: networkView, map: mapView };

async function render() {
  const r = route();
  const view = ROUTES[r.parts[0] || ''];
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.getAttribute('href') === '#/' + (r.parts[0] || ''));
  main.setAttribute('aria-busy', 'true');
  try {
    if (!view) throw new Error('no such page');
    await view(r);
  } catch (e) {
    showError(e);
  }
  main.removeAttribute('aria-busy');
  main.dataset.rendered = location.hash || '#/';
}

document.getElementById('quick-search').addEventListener('submit', (ev) => {
  ev.preventDefault();
  location.hash = link('/', { q: document.getElementById('q').value });
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === '/' && !['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName)) { ev.preventDefault(); document.getElementById('q').focus(); }
});
window.addEventListener('hashchange', render);
render();
