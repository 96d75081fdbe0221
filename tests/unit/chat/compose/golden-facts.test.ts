import { describe, expect, it } from 'vitest';
import { checkGolden, readGolden } from '../../../helpers/golden-facts.js';
import { realWard } from './support.js';

// Issue 19: 100 commune-level records drawn with seed 19 (bench/golden/draft-facts.ts), their fee, time, papers,
// place and conditions written down from the record and checked by hand (docs/facts.md).
describe('golden facts: every aspect of every golden record, composed and compared', () => {
  const golden = readGolden();
  const report = checkGolden(golden, realWard());
  const count = (kind: string) => report.findings.filter((f) => f.kind === kind);

  it('covers at least 100 records', () => {
    expect(golden.length).toBeGreaterThanOrEqual(100);
  });

  it('states no fact wrongly', () => {
    expect(count('wrong')).toEqual([]);
  });

  it('invents no paper', () => {
    expect(count('invented')).toEqual([]);
  });

  it('states at least 95% of the facts', () => {
    const completeness = report.present / report.facts;
    if (completeness < 0.95) console.log(count('missing').slice(0, 40));
    expect(completeness).toBeGreaterThanOrEqual(0.95);
    // Not counting the papers a curated answer only links to (59 on 2026-12-04, most of them the 55 papers of the
    // building-permit record), 94.8% are stated: kept from going down.
    expect((report.present - report.summarised) / report.facts).toBeGreaterThanOrEqual(0.94);
  });
});
