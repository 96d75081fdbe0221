import { describe, expect, it } from 'vitest';
import { compareWithRecords } from '../../../src/knowledge/reconcile.js';
import { catalogue, curated } from '../chat/compose/support.js';

describe('compareWithRecords', () => {
  it('warns when a curated entry lists fewer papers than a record it covers, and only then', () => {
    const record = catalogue('1.001193', { documents: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] });
    const short = curated({ id: 'dang-ky-khai-sinh', codes: ['1.001193'], documents: [{ name: 'A' }] });
    expect(compareWithRecords([short, record])).toEqual([
      expect.objectContaining({ entryId: 'dang-ky-khai-sinh', code: '1.001193', field: 'documents' }),
    ]);
    const full = curated({ id: 'dang-ky-khai-sinh', codes: ['1.001193'], documents: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] });
    expect(compareWithRecords([full, record])).toEqual([]);
  });
});
