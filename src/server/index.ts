export { createApp, type AppDeps } from './app.js';
export type { HealthReport } from './health.js';
export type { SearchFn } from './routes/search.js';
