export { KnowledgeInForce, type KnowledgeInForceOptions, type Reindexer, type ReindexResult } from './knowledge-in-force.js';
export { schemaFor, WARD_TARGET_ID } from './targets.js';
