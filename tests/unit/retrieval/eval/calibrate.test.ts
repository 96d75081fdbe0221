import { describe, expect, it } from 'vitest';
import { calibrateThresholds } from '../../../../src/retrieval/eval/calibrate.js';
import { evaluate } from '../../../../src/retrieval/eval/evaluate.js';
import { isAnswerable, ThresholdsSchema, type Evidence } from '../../../../src/retrieval/search/thresholds.js';

const evidence = (coverage: number, nameMatch: number): Evidence => ({ coverage, nameMatch, fullCoverage: coverage, knownShare: 1, lexicalTop: 10 * coverage });

describe('calibrateThresholds', () => {
  // In scope: questions well covered by an entry's names; out of scope: poorly covered.
  const samples = [
    ...Array.from({ length: 30 }, (_, i) => ({ inScope: true, evidence: evidence(0.6 + (i % 5) * 0.08, 0.5 + (i % 3) * 0.2) })),
    ...Array.from({ length: 20 }, (_, i) => ({ inScope: false, evidence: evidence(0.05 + (i % 5) * 0.06, (i % 2) * 0.2) })),
  ];

  it('fits a valid model that separates in-scope from out-of-scope evidence', () => {
    const { thresholds, answeredRate, abstentionRate } = calibrateThresholds(samples);
    expect(ThresholdsSchema.parse(thresholds)).toEqual(thresholds);
    expect(answeredRate).toBe(1);
    expect(abstentionRate).toBe(1);
    expect(isAnswerable(evidence(0.9, 1), thresholds)).toBe(true);
    expect(isAnswerable(evidence(0.05, 0), thresholds)).toBe(false);
    expect(thresholds.features).not.toContain('dense');
  });

  it('uses the dense similarity as a feature only when the samples have one', () => {
    const withDense = samples.map((s) => ({ ...s, evidence: { ...s.evidence, dense: s.inScope ? 0.8 : 0.2 } }));
    expect(calibrateThresholds(withDense).thresholds.features).toContain('dense');
  });

  it('learns from the asking part: equal coverage, but one asks how to file and the other who is right', () => {
    expect(calibrateThresholds(samples).thresholds.features).not.toContain('asking');
    // The same middling coverage in and out of scope; only the aspect asked tells them apart.
    const middling = Array.from({ length: 40 }, (_, i) => ({ inScope: i % 2 === 0, evidence: { ...evidence(0.5, 0.5), asking: i % 2 === 0 ? 1 : 0 } }));
    const { thresholds, answeredRate, abstentionRate } = calibrateThresholds(middling);
    expect(thresholds.features).toContain('asking');
    expect([answeredRate, abstentionRate]).toEqual([1, 1]);
    expect(isAnswerable({ ...evidence(0.5, 0.5), asking: 0 }, thresholds)).toBe(false);
  });
});

describe('calibrateThresholds and the margin', () => {
  it('learns from how far the first candidate leads the second', () => {
    // The same middling coverage in and out of scope; only a clear first candidate (second/first low) tells them apart.
    const middling = Array.from({ length: 40 }, (_, i) => ({ inScope: i % 2 === 0, evidence: { ...evidence(0.5, 0.5), margin: i % 2 === 0 ? 0.3 : 0.95 } }));
    const { thresholds } = calibrateThresholds(middling);
    expect(thresholds.features).toContain('margin');
    expect(isAnswerable({ ...evidence(0.5, 0.5), margin: 0.3 }, thresholds)).toBe(true);
    expect(isAnswerable({ ...evidence(0.5, 0.5), margin: 0.95 }, thresholds)).toBe(false);
  });

  it('learns from how much of the top entry\'s title the question holds', () => {
    const middling = Array.from({ length: 40 }, (_, i) => ({ inScope: i % 2 === 0, evidence: { ...evidence(0.5, 0.5), titleRecall: i % 2 === 0 ? 0.9 : 0.1 } }));
    const { thresholds } = calibrateThresholds(middling);
    expect(thresholds.features).toContain('titleRecall');
    expect(isAnswerable({ ...evidence(0.5, 0.5), titleRecall: 0.9 }, thresholds)).toBe(true);
    expect(isAnswerable({ ...evidence(0.5, 0.5), titleRecall: 0.1 }, thresholds)).toBe(false);
  });
});

describe('evaluate', () => {
  it('counts a result right when it covers an expected national code (the real-question format)', async () => {
    const report = await evaluate(
      [{ q: 'a', expected: [], expectedCodes: ['1.001193'] }],
      async (q) => ({ query: q, answerable: true, results: [{ id: 'other', codes: ['2.000635'] }, { id: 'dang-ky-khai-sinh', codes: ['1.001193'] }] as never, evidence: evidence(1, 1) }),
    );
    expect(report).toMatchObject({ inScope: 1, outOfScope: 0, recallAt1: 0, recallAt3: 1, mrr: 0.5 });
  });

  it('computes recall@1, recall@3, MRR and abstention accuracy, and lists misses', async () => {
    const ranking: Record<string, string[]> = { a: ['x', 'y'], b: ['y', 'z', 'x'], c: ['z', 'z2', 'z3', 'x'], d: [] };
    const report = await evaluate(
      [
        { q: 'a', expected: ['x'] },
        { q: 'b', expected: ['x'] },
        { q: 'c', expected: ['x'] },
        { q: 'd', expected: [] },
      ],
      async (q) => ({ query: q, answerable: q !== 'd', results: (ranking[q] ?? []).map((id) => ({ id, codes: [] }) as never), evidence: evidence(1, 1) }),
    );
    expect(report).toMatchObject({ inScope: 3, outOfScope: 1, abstentionAccuracy: 1, answeredRate: 1 });
    expect(report.recallAt1).toBeCloseTo(1 / 3);
    expect(report.recallAt3).toBeCloseTo(2 / 3);
    expect(report.mrr).toBeCloseTo((1 + 1 / 3 + 1 / 4) / 3);
    expect(report.misses.map((m) => m.reason)).toEqual(['wrong-top', 'not-in-top-3']);
  });
});
