import { describe, expect, it } from 'vitest';
import { dropClassifiers } from '../../../src/text/index.js';

describe('dropClassifiers', () => {
  it('takes the classifier out between a verb and its object', () => {
    expect(dropClassifiers('ban can nha duy nhat')).toBe('ban nha duy nhat');
    expect(dropClassifiers('sang ten manh dat cho con')).toBe('sang ten dat cho con');
    expect(dropClassifiers('mua chiec xe may cu')).toBe('mua xe may cu');
  });

  it('keeps "cần" (to need) and "căn cước", which fold like the classifier "căn"', () => {
    expect(dropClassifiers('can giay to gi')).toBe('can giay to gi');
    expect(dropClassifiers('lam the can cuoc cho con')).toBe('lam the can cuoc cho con');
  });
});
