import { timingSafeEqual, createHash } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { parse as parseCookies } from 'hono/utils/cookie';

/** The cookie an enrolled kiosk's browser sends (set by `POST /api/kiosk/enroll`). */
export const KIOSK_COOKIE = 'ward_kiosk';

export interface KioskClientsOptions {
  /** The kiosks' fixed addresses: single addresses or CIDR ranges (KIOSK_ADDRESSES). */
  addresses?: readonly string[];
  /** Enrolment tokens (KIOSK_TOKENS); a browser holding one in its cookie is a kiosk wherever it connects from. */
  tokens?: readonly string[];
}

/** "::ffff:192.168.1.5" (an IPv4 client on a dual-stack socket) → "192.168.1.5". */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Recognises the ward's own kiosks, which are exempt from the per-address caps (several kiosks behind one address
 * must not be throttled together): by fixed address, or by an enrolled token in the kiosk browser's cookie.
 */
export class KioskClients {
  private readonly list = new BlockList();
  private readonly tokenDigests: Buffer[];

  constructor({ addresses = [], tokens = [] }: KioskClientsOptions = {}) {
    for (const entry of addresses) {
      const [ip = '', bits] = plainAddress(entry.trim()).split('/');
      const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
      if (bits === undefined) this.list.addAddress(ip, type);
      else this.list.addSubnet(ip, Number(bits), type);
    }
    this.tokenDigests = tokens.map(digest);
  }

  /** True for a kiosk: a listed address, or a cookie header holding an enrolled token. */
  recognize(address: string, cookieHeader: string | undefined): boolean {
    return this.isKioskAddress(address) || this.isToken(cookieHeader ? parseCookies(cookieHeader, KIOSK_COOKIE)[KIOSK_COOKIE] : undefined);
  }

  /** True when the address is one of the kiosks' fixed addresses. */
  isKioskAddress(address: string): boolean {
    const ip = plainAddress(address);
    const type = isIP(ip);
    return type !== 0 && this.list.check(ip, type === 6 ? 'ipv6' : 'ipv4');
  }

  /** True for one of the enrolment tokens (compared in constant time). */
  isToken(token: string | undefined): boolean {
    if (!token || token.length > 200) return false;
    const given = digest(token);
    return this.tokenDigests.some((d) => timingSafeEqual(d, given));
  }
}
