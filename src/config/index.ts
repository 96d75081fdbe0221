export { ConfigError, ConfigSchema, loadConfig, type Config } from './config.js';
