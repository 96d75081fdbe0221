import { randomBytes } from 'node:crypto';

/**
 * Dossier reference codes: `HS-` + 9 Crockford base32 symbols in groups of three, e.g. `HS-7K3-M9Q-XDP`.
 * Eight symbols are random (40 bits from the CSPRNG: about 10^12 codes, so guessing a live one is hopeless at any
 * rate the server allows); the ninth is a Luhn mod 32 check symbol, so a mistyped code is caught at the counter
 * ("mã không hợp lệ") before any look-up. Crockford's alphabet has no I, L, O or U: nothing to confuse when a
 * code is read aloud or copied by hand from paper.
 */
export const REFERENCE_PREFIX = 'HS';
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RADIX = ALPHABET.length;
const RANDOM_SYMBOLS = 8;
const CODE_SYMBOLS = RANDOM_SYMBOLS + 1;
/** Letters people write for digits they mean (Crockford's decoding rules). */
const LOOK_ALIKES: Record<string, string> = { O: '0', I: '1', L: '1' };

/** Luhn mod N sum over symbol values, doubling every second one from the right (`doubleFirst` for the payload). */
function luhnSum(values: readonly number[], doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let index = values.length - 1; index >= 0; index -= 1) {
    let addend = values[index]! * (double ? 2 : 1);
    addend = Math.floor(addend / RADIX) + (addend % RADIX);
    sum += addend;
    double = !double;
  }
  return sum;
}

function checkSymbol(values: readonly number[]): number {
  return (RADIX - (luhnSum(values, true) % RADIX)) % RADIX;
}

function format(symbols: string): string {
  return `${REFERENCE_PREFIX}-${symbols.slice(0, 3)}-${symbols.slice(3, 6)}-${symbols.slice(6)}`;
}

/** A fresh random reference code in canonical form (`HS-XXX-XXX-XXX`); `random` is injectable for tests. */
export function createReferenceCode(random: (size: number) => Buffer = randomBytes): string {
  // 5 bytes = 40 bits = exactly eight 5-bit symbols: uniform, no modulo bias.
  const bytes = random(5);
  let bits = 0n;
  for (const byte of bytes.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  const values: number[] = [];
  for (let index = RANDOM_SYMBOLS - 1; index >= 0; index -= 1) values.push(Number((bits >> BigInt(index * 5)) & 31n));
  values.push(checkSymbol(values));
  return format(values.map((value) => ALPHABET[value]).join(''));
}

/**
 * The canonical form of a code as someone typed or scanned it — any case, spaces or hyphens, with or without `HS`,
 * O/I/L for 0/1 — or undefined when it cannot be a reference (wrong length, bad symbol, failed check symbol).
 */
export function normalizeReference(input: string): string | undefined {
  let symbols = input.toUpperCase().replace(/[\s\-_.]/g, '');
  if (symbols.length === REFERENCE_PREFIX.length + CODE_SYMBOLS && symbols.startsWith(REFERENCE_PREFIX)) {
    symbols = symbols.slice(REFERENCE_PREFIX.length);
  }
  if (symbols.length !== CODE_SYMBOLS) return undefined;
  symbols = [...symbols].map((symbol) => LOOK_ALIKES[symbol] ?? symbol).join('');
  const values = [...symbols].map((symbol) => ALPHABET.indexOf(symbol));
  if (values.some((value) => value < 0)) return undefined;
  if (luhnSum(values, false) % RADIX !== 0) return undefined;
  return format(symbols);
}
