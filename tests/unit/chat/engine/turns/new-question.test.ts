import { describe, expect, it } from 'vitest';
import type { TurnContext } from '../../../../../src/chat/engine/turns/context.js';
import { answerQuestion, SUGGESTION_FLOOR } from '../../../../../src/chat/engine/turns/new-question.js';
import type { Entry } from '../../../../../src/knowledge/schema.js';
import type { SearchResponse, SearchResult } from '../../../../../src/retrieval/search/retriever.js';
import { understand } from '../../../../../src/understand/index.js';

const result = (id: string, coverage: number): SearchResult => ({ id, title: id, score: 1, kind: 'catalogue', levels: ['xã'], codes: [], verified: true, coverage });

function contextFor(response: SearchResponse, gaps: string[] = []): TurnContext {
  return {
    retrieval: () => ({ search: async () => response, getDocument: () => undefined }),
    ward: () => undefined,
    situations: () => [],
    forms: undefined,
    channel: 'kiosk',
    now: () => new Date('2026-12-04T03:00:00Z'),
    retentionDays: 30,
    recordGap: async (question) => void gaps.push(question.redacted),
    entriesOf: (ids) => ids.map((id) => ({ id, title: { vi: `Thủ tục ${id}` } }) as Entry),
  };
}

const unsure = (results: SearchResult[]): SearchResponse => ({
  query: 'q',
  answerable: false,
  results,
  evidence: { coverage: 0.4, nameMatch: 0, fullCoverage: 0.3, knownShare: 1, lexicalTop: 3 },
});

describe('answerQuestion: suggestions when unsure', () => {
  it('offers only procedures whose names and summary hold enough of the question', async () => {
    const turn = await answerQuestion(contextFor(unsure([result('a', 0.1), result('b', SUGGESTION_FLOOR + 0.1), result('c', 0.2)])), understand('câu hỏi chưa rõ'), { language: 'vi' }, true);
    expect(turn.frame.kind).toBe('fallback');
    expect(turn.frame.choices?.map((c) => c.id)).toEqual(['b']);
    expect(turn.state.awaiting).toBe('handover');
  });

  it('offers none, and says it is outside what it knows, when no procedure is related', async () => {
    const gaps: string[] = [];
    const turn = await answerQuestion(contextFor(unsure([result('a', 0.1), result('b', 0.2)]), gaps), understand('câu hỏi của ông Nguyễn Văn An'), { language: 'vi' }, true);
    expect(turn.frame.choices).toEqual([]);
    expect(turn.frame.text).toMatch(/gặp cán bộ không\?/);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).not.toContain('Nguyễn Văn An');
  });
});
