export { hashBasis, projectTerms, type LsaBasis } from './basis.js';
export { createLsaEmbedder } from './lsa-embedder.js';
export { loadLsaBasis, saveLsaBasis } from './store.js';
export { trainLsaBasis, type TrainLsaOptions } from './train.js';
