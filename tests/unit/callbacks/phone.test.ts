import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../src/callbacks/index.js';

describe('normalizePhone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['091.234.5678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0084-912-345-678', '0912345678'],
    ['(024) 3825 1234', '02438251234'],
    ['+84 24 3825 1234', '02438251234'],
  ])('reads %s as %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['', '12345', '091234567', '09123456789', '0012345678', 'không có', '0912-345-67a', '+1 202 555 0100'])('refuses %j', (input) => {
    expect(normalizePhone(input)).toBeUndefined();
  });
});
