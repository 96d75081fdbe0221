import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SynonymsFileSchema } from '../../../../src/knowledge/schema.js';
import { buildCorpus } from '../../../../src/retrieval/corpus/build-corpus.js';
import { LexicalIndex, TERM_WEIGHTS } from '../../../../src/retrieval/lexical/lexical-index.js';
import { isStopword } from '../../../../src/text/index.js';
import { loadCuratedEntries } from '../../../helpers/chat-server.js';

// A foreigner's question says "we", "our" and "in Vietnam" whatever it asks; an English alias that happens to hold
// them ("register our marriage", "marry a foreigner in Vietnam") must not win a birth question on them.
describe('English filler in a foreigner\'s question', () => {
  it('pronouns and auxiliaries are filler; "he" and "so" are not (they fold like hệ and số)', () => {
    for (const word of ['we', 'our', 'their', 'her', 'was', 'have', 'will', 'from', 'here']) expect(isStopword(word), word).toBe(true);
    expect(isStopword('he')).toBe(false);
    expect(isStopword('so')).toBe(false);
  });

  it('"Vietnam" weighs as context, "Vietnamese" (a partner\'s nationality) as content', async () => {
    const synonyms = SynonymsFileSchema.parse(parse(await readFile(path.resolve('knowledge/synonyms.yaml'), 'utf8'))).synonyms;
    const lexical = new LexicalIndex(buildCorpus(await loadCuratedEntries()).documents, synonyms);
    const weightOf = (q: string, term: string) => Math.max(0, ...lexical.analyzeQuery(q).terms.filter((t) => t.term === term).map((t) => t.weight));
    expect(weightOf('How do we register our son\'s birth in Vietnam?', 'vietnam')).toBe(TERM_WEIGHTS.context);
    expect(weightOf('How do we register our son\'s birth in Vietnam?', 'our')).toBe(TERM_WEIGHTS.stopword);
    expect(weightOf('Can I marry a Vietnamese woman here?', 'vietnamese')).toBe(TERM_WEIGHTS.unigram);
  });
});
