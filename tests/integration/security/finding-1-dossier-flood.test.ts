import { describe, expect, it } from 'vitest';
import { buildChatApp } from '../../helpers/chat-server.js';
import { buildBirthDossierValues } from '../../helpers/dossier-values.js';
import { KioskClients } from '../../../src/server/limits/kiosk-clients.js';
import { errorOf, post } from './support.js';

// Finding 1: 200 dossiers posted in 1.7 s all got 201, cross-site and as text/plain too.
const dossier = () => ({ formId: 'to-khai-khai-sinh', values: buildBirthDossierValues() });

describe('finding 1: POST /api/dossiers cannot be flooded or posted cross-site', () => {
  it('takes a few dossiers a minute from one address, then 429 with Retry-After', async () => {
    const { app, storage } = await buildChatApp();
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 200; i += 1) {
      const res = await post(app, '/api/dossiers', dossier());
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
      else await res.body?.cancel();
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(195);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited!.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await errorOf(limited!)).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/tờ khai/) });
    expect(await storage.dossiers.listToday()).toHaveLength(5);
  });

  it('refuses another site (403) and any body that is not JSON (415); nothing is stored', async () => {
    const { app, storage } = await buildChatApp();
    const crossSite = await post(app, '/api/dossiers', JSON.stringify(dossier()), { origin: 'https://evil.example', contentType: 'text/plain' });
    expect(crossSite.status).toBe(403);
    expect(await errorOf(crossSite)).toMatchObject({ code: 'origin_not_allowed' });
    const crossSiteJson = await post(app, '/api/dossiers', dossier(), { origin: 'https://evil.example' });
    expect(crossSiteJson.status).toBe(403);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const res = await post(app, '/api/dossiers', JSON.stringify(dossier()), { contentType: type, origin: 'http://localhost' });
      expect(res.status, type).toBe(415);
      expect(await errorOf(res)).toMatchObject({ code: 'unsupported_media_type' });
    }
    expect(await storage.dossiers.listToday()).toHaveLength(0);
  });

  it('still takes JSON from its own origin, a listed widget site, and a client that sends no Origin', async () => {
    const { app } = await buildChatApp({ widgetOrigins: ['https://phuong.example.gov.vn'] });
    expect((await post(app, '/api/dossiers', dossier(), { origin: 'http://localhost', address: '198.51.100.1' })).status).toBe(201);
    expect((await post(app, '/api/dossiers', dossier(), { origin: 'https://phuong.example.gov.vn', address: '198.51.100.2' })).status).toBe(201);
    expect((await post(app, '/api/dossiers', dossier(), { address: '198.51.100.3', contentType: 'application/json; charset=utf-8' })).status).toBe(201);
  });

  it('limits per session as well as per address, and exempts the ward’s kiosks from the address limit', async () => {
    const { app, engine } = await buildChatApp({ kiosks: new KioskClients({ addresses: ['192.168.1.0/28'] }) });
    const { sessionId } = await engine.open({ channel: 'widget' });
    const fromMany = [];
    for (let i = 0; i < 7; i += 1) fromMany.push((await post(app, '/api/dossiers', { ...dossier(), sessionId }, { address: `198.51.100.${10 + i}` })).status);
    expect(fromMany).toEqual([201, 201, 201, 201, 201, 429, 429]);
    const kiosk = [];
    for (let i = 0; i < 8; i += 1) kiosk.push((await post(app, '/api/dossiers', dossier(), { address: '192.168.1.5' })).status);
    expect(kiosk.every((s) => s === 201)).toBe(true);
  });
});
