import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../src/config/config.js';

// Finding 8: docs/protocol.md's officials section still described ADMIN_TOKEN and admin_disabled; the README said
// EMBEDDER=auto falls back to LSA while the code serves lexical only (src/retrieval/runtime.ts, chooseEmbedder,
// and tests/unit/retrieval/runtime.test.ts: "nor with auto when no model is installed").
const read = (file: string) => readFileSync(file, 'utf8');

describe('finding 8: the docs say what the code does', () => {
  it('protocol.md: officials log in with accounts; no admin_disabled, which the code never answers', () => {
    const protocol = read('docs/protocol.md');
    expect(protocol).not.toContain('admin_disabled');
    const officials = protocol.slice(protocol.indexOf('## Officials'));
    expect(officials).toMatch(/log in with their own accounts/);
    expect(officials).not.toMatch(/^## Officials.*Bearer <ADMIN_TOKEN>/m);
    expect(read('src/server/routes/admin/auth.ts')).not.toContain('admin_disabled');
  });

  it('README: EMBEDDER=auto falls back to lexical retrieval, not LSA', () => {
    const row = read('README.md').split('\n').find((line) => line.startsWith('| `EMBEDDER`'));
    expect(row).toMatch(/`auto` \(the model in `MODEL_DIR` if one is installed, else lexical only\)/);
    expect(row).not.toMatch(/else LSA/);
    for (const file of ['docs/ARCHITECTURE.md', 'docs/deploy.md']) expect(read(file)).not.toMatch(/LSA trained on the knowledge base \(default\)|lexical \+ LSA/);
  });

  it('README lists every setting the service reads, and operations.md lists the limits and the kiosk settings', () => {
    const readme = read('README.md');
    for (const name of Object.keys(ConfigSchema.shape)) expect(readme, name).toContain(`\`${name}\``);
    const operations = read('docs/operations.md');
    for (const text of ['## Limits', 'KIOSK_ADDRESSES', 'KIOSK_TOKENS', '/api/kiosk/enroll', 'CHAT_MAX_CONNECTIONS_PER_IP', 'DOSSIERS_PER_MINUTE', '16 KB', '64 KB', '1 MB', 'Retry-After', 'read-only']) {
      expect(operations, text).toContain(text);
    }
  });
});
