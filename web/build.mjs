// Writes web/app/world.json: world-atlas's Natural Earth countries (TopoJSON) turned
// into ready-to-draw SVG paths (equirectangular, 1000 x 500) so the browser needs no
// map library. The page, script and style in web/app are served as written.
// Run: (cd web && npm ci && npm run build); commit web/app/world.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const here = dirname(fileURLToPath(import.meta.url));
const app = join(here, 'app');

const W = 1000, H = 500;
const topo = JSON.parse(readFileSync(join(here, 'node_modules/world-atlas/countries-110m.json'), 'utf8'));
const countries = feature(topo, topo.objects.countries).features;
const project = ([lon, lat]) => `${(((lon + 180) / 360) * W).toFixed(1)},${(((90 - lat) / 180) * H).toFixed(1)}`;
function ringPath(ring) {
  // Rings that cross the antimeridian would draw a line across the map: split them.
  let d = '', prev = null;
  for (const p of ring) {
    d += (prev === null || Math.abs(p[0] - prev[0]) > 180 ? 'M' : 'L') + project(p);
    prev = p;
  }
  return d + 'Z';
}
const out = countries.map((c) => {
  const g = c.geometry;
  const polys = !g ? [] : g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return { id: c.id || '', name: (c.properties && c.properties.name) || '', d: polys.flat().map(ringPath).join('') };
}).filter((c) => c.d);
writeFileSync(join(app, 'world.json'), JSON.stringify({ width: W, height: H, source: 'Natural Earth 1:110m via world-atlas 2.0.2 (public domain)', countries: out }));
console.log(`web/app/world.json: ${out.length} countries`);
