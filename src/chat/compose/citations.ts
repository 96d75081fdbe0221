import type { Entry } from '../../knowledge/schema.js';
import type { Sources } from './sources.js';
import type { Citation } from './types.js';

// A kiosk screen has room for a few laws; the entry page lists them all.
const MAX_LEGAL_BASIS = 4;

/** The citation of one entry: id, national codes, Vietnamese title, page and the first legal bases. */
export function citeEntry(entry: Entry): Citation {
  const citation: Citation = {
    id: entry.id,
    codes: [...entry.codes],
    title: entry.title.vi,
    legalBasis: entry.legalBasis.slice(0, MAX_LEGAL_BASIS).map((basis) =>
      basis.number ? { title: basis.title, number: basis.number } : { title: basis.title },
    ),
  };
  if (entry.url) citation.url = entry.url;
  return citation;
}

/** The entry first, then every folded catalogue record whose fields went into the text. */
export function citeSources(sources: Sources): Citation[] {
  const seen = new Set<string>();
  return [sources.entry, ...sources.folded.filter((record) => sources.used.has(record))]
    .filter((entry) => !seen.has(entry.id) && Boolean(seen.add(entry.id)))
    .map(citeEntry);
}
