import { describe, expect, it } from 'vitest';
import { KioskClients } from '../../../src/server/limits/kiosk-clients.js';
import { RateLimiter } from '../../../src/server/limits/rate-limiter.js';
import { SessionSecrets } from '../../../src/server/session-secret.js';

describe('RateLimiter.retryAfterSeconds and enforce', () => {
  it('says how long until the oldest counted event leaves the minute, and throws 429 with Retry-After', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    limiter.enforce('a');
    now = 20_000;
    limiter.enforce('a');
    now = 30_000;
    expect(limiter.retryAfterSeconds('a')).toBe(30);
    expect(() => limiter.enforce('a', 'chậm lại')).toThrow(expect.objectContaining({ status: 429, code: 'rate_limited', message: 'chậm lại', headers: { 'Retry-After': '30' } }));
    now = 60_001;
    expect(() => limiter.enforce('a')).not.toThrow();
  });
});

describe('KioskClients', () => {
  it('recognises fixed addresses and ranges (IPv4, IPv6, IPv4 on a dual-stack socket)', () => {
    const kiosks = new KioskClients({ addresses: ['192.168.1.21', '10.0.0.0/24', 'fd00::/64'] });
    expect(kiosks.recognize('192.168.1.21', undefined)).toBe(true);
    expect(kiosks.recognize('::ffff:192.168.1.21', undefined)).toBe(true);
    expect(kiosks.recognize('10.0.0.77', undefined)).toBe(true);
    expect(kiosks.recognize('fd00::5', undefined)).toBe(true);
    expect(kiosks.recognize('192.168.1.22', undefined)).toBe(false);
    expect(kiosks.recognize('local', undefined)).toBe(false);
  });

  it('recognises an enrolled token in the cookie, nothing else', () => {
    const kiosks = new KioskClients({ tokens: ['kiosk-token-0123456789'] });
    expect(kiosks.recognize('203.0.113.1', 'a=1; ward_kiosk=kiosk-token-0123456789')).toBe(true);
    expect(kiosks.recognize('203.0.113.1', 'ward_kiosk=kiosk-token-012345678')).toBe(false);
    expect(kiosks.recognize('203.0.113.1', undefined)).toBe(false);
    expect(new KioskClients().recognize('203.0.113.1', 'ward_kiosk=')).toBe(false);
  });
});

describe('SessionSecrets', () => {
  it('signs a session id; only that secret admits a kiosk session, other sessions pass by id', async () => {
    const secrets = new SessionSecrets(Buffer.alloc(32, 1));
    const secret = secrets.sign('session-a');
    expect(secrets.verify('session-a', secret)).toBe(true);
    expect(secrets.verify('session-b', secret)).toBe(false);
    expect(new SessionSecrets(Buffer.alloc(32, 2)).verify('session-a', secret)).toBe(false);
    const kiosk = async () => 'kiosk';
    expect(await secrets.admit('session-a', secret, kiosk)).toBe('session-a');
    expect(await secrets.admit('session-a', undefined, kiosk)).toBeUndefined();
    expect(await secrets.admit('session-a', undefined, async () => 'widget')).toBe('session-a');
    expect(await secrets.admit(undefined, secret, kiosk)).toBeUndefined();
  });
});
