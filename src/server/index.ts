export { createApp, type AppDeps } from './app.js';
export type { HealthReport } from './health.js';
