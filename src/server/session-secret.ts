import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The secret that lets an HTTP client drive a kiosk session (docs/protocol.md, "HTTP fallback"): an HMAC of the
 * session id, given in the JSON reply that opened the session and sent back in the JSON body — never in a URL.
 * Knowing a kiosk session's id (seen on a screen, in a log, over a shoulder) is therefore not enough. Derived,
 * not stored, so every instance sharing the data key accepts it.
 */
export class SessionSecrets {
  constructor(private readonly key: Buffer = randomBytes(32)) {}

  /** The secret of a session id. */
  sign(sessionId: string): string {
    return createHmac('sha256', this.key).update(`session:${sessionId}`).digest('base64url');
  }

  /** True when `secret` belongs to `sessionId` (constant time). */
  verify(sessionId: string, secret: string | undefined): boolean {
    if (!secret) return false;
    const expected = Buffer.from(this.sign(sessionId));
    const given = Buffer.from(secret);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /**
   * The session an HTTP request may act in: the one it names, unless that is a kiosk session and the secret is
   * missing or wrong — then none, and the request starts a session of its own (it never sees the kiosk's).
   */
  async admit(sessionId: string | undefined, secret: string | undefined, channelOf: (id: string) => Promise<string | undefined>): Promise<string | undefined> {
    if (!sessionId) return undefined;
    if ((await channelOf(sessionId)) !== 'kiosk') return sessionId;
    return this.verify(sessionId, secret) ? sessionId : undefined;
  }
}
