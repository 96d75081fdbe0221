export { fuseByRank, type RankedList } from './fuse.js';
export { priorOf, Retriever, type DenseSearcher, type EntriesUpdate, type RetrieverOptions, type SearchResponse, type SearchResult } from './retriever.js';
export { pickSuggestions, SUGGESTION_FLOOR } from './relevance.js';
export { DEFAULT_THRESHOLDS, isAnswerable, ThresholdsSchema, type Thresholds } from './thresholds.js';
