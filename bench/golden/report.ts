/** `npx tsx bench/golden/report.ts [n]`: the golden-set comparison in full — facts, wrong, invented, missing (n of each). */
import { checkGolden, readGolden } from '../../tests/helpers/golden-facts.js';
import { WardSettingsSchema } from '../../src/knowledge/schema.js';
const ward = WardSettingsSchema.parse({ example: false, wardName: 'Phường Hòa Bình', address: 'Số 12 phố Hòa Bình', openingHours: [{ days: 'T2', hours: '7:30' }], counters: [], phone: '1', updatedAt: '2026-11-23' });
const r = checkGolden(readGolden(), ward);
console.log(`facts ${r.facts}, present ${r.present} (${(100 * r.present / r.facts).toFixed(1)}%), of which ${r.summarised} papers through a curated answer's link to the full list`);
for (const kind of ['wrong', 'invented', 'missing']) {
  const f = r.findings.filter((x) => x.kind === kind);
  console.log(`${kind}: ${f.length}`);
  const by = new Map<string, number>();
  for (const x of f) by.set(x.aspect, (by.get(x.aspect) ?? 0) + 1);
  console.log('  by aspect', Object.fromEntries(by));
  for (const x of f.slice(0, Number(process.argv[2] ?? 30))) console.log(`  ${x.code} ${x.aspect}: ${x.what}`);
}
