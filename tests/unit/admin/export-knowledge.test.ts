import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportPublished, wardExportFile } from '../../../src/admin/cli/export-knowledge.js';
import { hashPassword } from '../../../src/admin/auth/password.js';
import { EntrySchema } from '../../../src/knowledge/schema.js';
import { SituationSchema } from '../../../src/knowledge/situation-schema.js';
import { loadCuratedEntries } from '../../helpers/chat-server.js';
import { buildSituation } from '../../helpers/knowledge.js';
import { buildTestStorage } from '../../helpers/storage.js';

describe('knowledge:export', () => {
  it('writes published revisions to their files atomically, only when changed, skipping rollbacks to the shipped file', async () => {
    const { storage, cleanup } = await buildTestStorage();
    try {
      const official = await storage.officials.create({ username: 'lan', displayName: 'Lan', role: 'approver', passwordHash: await hashPassword('mat-khau-du-dai') });
      const [first, second] = await loadCuratedEntries();
      const edited = { ...first!, notes: ['Ghi chú của cán bộ phường.'] };
      const draft = await storage.revisions.createDraft({ targetKind: 'entry', targetId: edited.id, content: edited, authorId: official.id });
      await storage.revisions.publish(draft.id, official.id);
      const back = await storage.revisions.createDraft({ targetKind: 'entry', targetId: second!.id, content: null, authorId: official.id });
      await storage.revisions.publish(back.id, official.id);
      const ward = await storage.revisions.createDraft({ targetKind: 'ward-settings', targetId: 'ward', content: { example: false, wardName: 'Phường Cửa Nam', address: '1 Phố Huế', openingHours: [{ days: 'Thứ 2–6', hours: '8:00–17:00' }], counters: [], phone: '024 0000 0000', updatedAt: '2026-11-23' }, authorId: official.id });
      await storage.revisions.publish(ward.id, official.id);
      const situation = buildSituation({ verified: true });
      const situationDraft = await storage.revisions.createDraft({ targetKind: 'situation', targetId: situation.id, content: situation, authorId: official.id });
      await storage.revisions.publish(situationDraft.id, official.id);

      const dir = await mkdtemp(path.join(os.tmpdir(), 'ward-export-'));
      const wardFile = path.join(dir, 'ward-settings.yaml');
      const report = await exportPublished(storage, { knowledgeDir: dir, wardFile });
      expect(report.written.map((f) => path.relative(dir, f)).sort()).toEqual([`curated/${edited.id}.yaml`, 'situations/sinh-con.yaml', 'ward-settings.yaml']);
      expect(SituationSchema.parse(parse(await readFile(path.join(dir, 'situations', 'sinh-con.yaml'), 'utf8')))).toEqual(situation);
      const written = EntrySchema.parse(parse(await readFile(path.join(dir, 'curated', `${edited.id}.yaml`), 'utf8')));
      expect(written.notes).toEqual(['Ghi chú của cán bộ phường.']);
      expect(parse(await readFile(wardFile, 'utf8'))).toMatchObject({ wardName: 'Phường Cửa Nam', example: false });
      // No temp files left behind, and a second run writes nothing.
      expect((await readdir(path.join(dir, 'curated'))).filter((f) => !f.endsWith('.yaml'))).toEqual([]);
      expect(await exportPublished(storage, { knowledgeDir: dir, wardFile })).toMatchObject({ written: [], unchanged: 3 });
    } finally {
      await cleanup();
    }
  });

  it('never overwrites the shipped example settings', () => {
    expect(wardExportFile('/srv/ward/knowledge/ward-settings.example.yaml')).toBe('/srv/ward/knowledge/ward-settings.yaml');
    expect(wardExportFile('/etc/ward/settings.yaml')).toBe('/etc/ward/settings.yaml');
  });
});
