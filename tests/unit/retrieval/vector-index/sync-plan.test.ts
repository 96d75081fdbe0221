import { describe, expect, it } from 'vitest';
import type { ManifestItem } from '../../../../src/retrieval/vector-index/manifest.js';
import { planSync, planUpsert } from '../../../../src/retrieval/vector-index/sync-plan.js';
import { buildItem } from './setup.js';

const indexed = (entries: Record<string, string>): Map<string, ManifestItem> =>
  new Map(Object.entries(entries).map(([id, hash], i) => [id, { hash, labels: [i], sections: ['overview'] }]));

describe('planSync', () => {
  it('sorts entries into added, updated, removed and unchanged', () => {
    const current = indexed({ keep: 'h:keep', change: 'h:old', gone: 'h:gone' });
    const keep = { ...buildItem('keep', { overview: 'a' }), hash: 'h:keep' };
    const change = buildItem('change', { overview: 'b' });
    const fresh = buildItem('fresh', { overview: 'c' });
    const plan = planSync(current, [keep, change, fresh]);
    expect(plan).toMatchObject({ added: 1, updated: 1, removed: 1, unchanged: 1 });
    expect(plan.embed.map((item) => item.entryId)).toEqual(['change', 'fresh']);
    expect(plan.drop.sort()).toEqual(['change', 'gone']);
  });

  it('rejects two items with one entry id', () => {
    const item = buildItem('twice', { overview: 'x' });
    expect(() => planSync(new Map(), [item, item])).toThrow(/Duplicate entryId/);
  });
});

describe('planUpsert', () => {
  it('leaves other entries alone and skips an unchanged hash', () => {
    const current = indexed({ other: 'h:other', same: 'h:same' });
    expect(planUpsert(current, { ...buildItem('same', { overview: 'x' }), hash: 'h:same' })).toMatchObject({ unchanged: 1, embed: [], drop: [] });
    expect(planUpsert(current, buildItem('same', { overview: 'y' }))).toMatchObject({ updated: 1, drop: ['same'] });
    expect(planUpsert(current, buildItem('new', { overview: 'z' }))).toMatchObject({ added: 1, drop: [] });
  });
});
