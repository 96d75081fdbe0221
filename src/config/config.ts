import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const commaList = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

/** "192.168.1.21", "192.168.1.0/28", "fd00::/64": a kiosk's fixed address or a range of them. */
function isAddressOrRange(value: string): boolean {
  const [ip = '', bits, ...rest] = value.split('/');
  const family = isIP(ip);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

const booleanFromEnv = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { message: 'expected true or false' })
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

const port = z.coerce
  .number({ message: 'expected a port number' })
  .int('expected a whole number')
  .min(0, 'expected 0–65535')
  .max(65535, 'expected 0–65535');

/** Every setting the service reads from the environment, with the defaults that make `npm start` work. */
export const ConfigSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1).default('data'),
  KNOWLEDGE_DIR: z.string().trim().min(1).default('knowledge'),
  MODEL_DIR: z.string().trim().min(1).default('models'),
  WARD_SETTINGS_FILE: z.string().trim().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: booleanFromEnv.default(false),
  EMBEDDER: z.enum(['auto', 'lsa', 'model', 'none'], { message: 'expected auto, lsa, model or none' }).default('auto'),
  DATA_KEY: z.string().trim().min(1).optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(?:ql)?:\/\/\S+$/, 'expected a postgres:// or postgresql:// URL')
    .optional(),
  KEY_FILE: z.string().trim().min(1).optional(),
  RETENTION_DAYS: z.coerce.number({ message: 'expected a number of days' }).int('expected whole days').min(1, 'expected at least 1 day').max(3650).default(30),
  ADMIN_TOKEN: z.string().trim().min(16, 'expected at least 16 characters').optional(),
  CHAT_MAX_CONNECTIONS: z.coerce.number({ message: 'expected a number' }).int().min(1).max(100_000).default(1000),
  CHAT_MESSAGES_PER_MINUTE: z.coerce.number({ message: 'expected a number' }).int().min(1).max(10_000).default(20),
  CHAT_MESSAGES_PER_MINUTE_PER_IP: z.coerce.number({ message: 'expected a number' }).int().min(1).max(100_000).default(120),
  CHAT_MAX_CONNECTIONS_PER_IP: z.coerce.number({ message: 'expected a number' }).int().min(1).max(100_000).default(20),
  DOSSIERS_PER_MINUTE: z.coerce.number({ message: 'expected a number' }).int().min(1).max(10_000).default(5),
  KIOSK_ADDRESSES: commaList.pipe(z.array(z.string().refine(isAddressOrRange, 'expected comma-separated addresses or ranges like 192.168.1.21 or 192.168.1.0/28'))),
  KIOSK_TOKENS: commaList.pipe(z.array(z.string().min(16, 'expected comma-separated tokens of at least 16 characters').max(200))),
  LLM_URL: z.url({ message: 'expected an http(s) URL of an OpenAI-compatible API' }).optional(),
  LLM_MODEL: z.string().trim().min(1).optional(),
  LLM_API_KEY: z.string().trim().min(1).optional(),
  LLM_TIMEOUT_MS: z.coerce.number({ message: 'expected milliseconds' }).int().min(100).max(60_000).default(4000),
  UI_DIR: z.string().trim().min(1).default(path.join('kiosk-ui', 'dist')),
  WIDGET_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, message: 'expected comma-separated origins like https://ward.example' }))),
  KIOSK_IDLE_SECONDS: z.coerce.number({ message: 'expected a number of seconds' }).int('expected whole seconds').min(1).max(3600).default(120),
  MINUTES_PER_TICKET: z.coerce.number({ message: 'expected a number of minutes' }).min(0).max(240).default(5),
  SPEECH_WORKERS: z.coerce.number({ message: 'expected a number' }).int().min(1).max(16).default(1),
  SPEECH_CACHE_MB: z.coerce.number({ message: 'expected megabytes' }).min(0).max(4096).default(64),
  SPEECH_WORDS_PER_MINUTE: z.coerce.number({ message: 'expected words per minute' }).int().min(80).max(450).default(150),
  SPEECH_REQUESTS_PER_MINUTE_PER_IP: z.coerce.number({ message: 'expected a number' }).int().min(1).max(100_000).default(120),
  ASR_URL: z.url({ message: 'expected an http(s) URL of an OpenAI-compatible API (…/v1)' }).optional(),
  ASR_MODEL: z.string().trim().min(1).default('whisper-1'),
  ASR_API_KEY: z.string().trim().min(1).optional(),
  ASR_TIMEOUT_MS: z.coerce.number({ message: 'expected milliseconds' }).int().min(500).max(120_000).default(15_000),
  ASR_MAX_BYTES: z.coerce.number({ message: 'expected bytes' }).int().min(10_000).max(50_000_000).default(2_000_000),
  HF_ENDPOINT: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL of a Hugging Face hub or mirror' }).optional(),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly knowledgeDir: string;
  readonly modelDir: string;
  readonly wardSettingsFile: string;
  readonly logLevel: string;
  readonly trustProxy: boolean;
  readonly embedder: 'auto' | 'lsa' | 'model' | 'none';
  /** Secret; never logged. */
  readonly dataKey: string | undefined;
  readonly keyFile: string;
  /** Secret (it may hold a password); never logged. Set: PostgreSQL shared by several instances, else SQLite in DATA_DIR. */
  readonly databaseUrl: string | undefined;
  readonly retentionDays: number;
  /** Secret; never logged. Officials' API is closed while unset. */
  readonly adminToken: string | undefined;
  readonly chatMaxConnections: number;
  readonly chatMessagesPerMinute: number;
  readonly chatMessagesPerMinutePerIp: number;
  /** WebSocket connections one address may hold (the ward's kiosks are exempt). */
  readonly chatMaxConnectionsPerIp: number;
  /** Dossiers a minute per address (kiosks exempt) and per session through `POST /api/dossiers`. */
  readonly dossiersPerMinute: number;
  /** The ward's kiosks by fixed address or range: exempt from the per-address limits. */
  readonly kioskAddresses: readonly string[];
  /** Secret; never logged. Enrolment tokens of kiosks that have no fixed address. */
  readonly kioskTokens: readonly string[];
  readonly minutesPerTicket: number;
  readonly uiDir: string;
  /** Origins (scheme://host[:port]) allowed to embed the widget and open the socket, besides the server's own. */
  readonly widgetOrigins: readonly string[];
  readonly kioskIdleSeconds: number;
  /** Read-aloud: eSpeak NG worker threads, cache bound and speaking rate, and the per-address request limit. */
  readonly speech: { workers: number; cacheBytes: number; wordsPerMinute: number; requestsPerMinutePerIp: number };
  /** Optional voice input through the ward's own OpenAI-compatible speech server; off unless ASR_URL is set. */
  readonly asr: { url: string; model: string; apiKey: string | undefined; timeoutMs: number; maxBytes: number } | undefined;
  /** Optional OpenAI-compatible rewording; off unless LLM_URL and LLM_MODEL are set. */
  readonly llm: { url: string; model: string; apiKey: string | undefined; timeoutMs: number } | undefined;
  /** Where `npm run models:pull` downloads from (a hub mirror); unset = the public hub. Never read by the service. */
  readonly hfEndpoint: string | undefined;
}

const SECRETS = new Set(['DATA_KEY', 'ADMIN_TOKEN', 'LLM_API_KEY', 'ASR_API_KEY', 'DATABASE_URL', 'KIOSK_TOKENS']);

/** A wrong environment value: one readable line naming the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the configuration once from an environment object; throws ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Readonly<Config> {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const got = present[variable];
    const shown = got === undefined || SECRETS.has(variable) ? '' : `="${got}"`;
    throw new ConfigError(`Invalid setting ${variable}${shown}: ${issue?.message ?? 'invalid value'}`);
  }
  const v = parsed.data;
  // A key file is per machine: instances sharing one database would each make their own and fail to read the others' data.
  if (v.DATABASE_URL && !v.DATA_KEY) {
    throw new ConfigError('DATA_KEY is required with DATABASE_URL: every instance sharing the database must be given the same key');
  }
  const resolve = (p: string) => path.resolve(cwd, p);
  const knowledgeDir = resolve(v.KNOWLEDGE_DIR);
  return Object.freeze({
    port: v.PORT,
    host: v.HOST,
    dataDir: resolve(v.DATA_DIR),
    knowledgeDir,
    modelDir: resolve(v.MODEL_DIR),
    wardSettingsFile: v.WARD_SETTINGS_FILE ? resolve(v.WARD_SETTINGS_FILE) : path.join(knowledgeDir, 'ward-settings.example.yaml'),
    logLevel: v.LOG_LEVEL,
    trustProxy: v.TRUST_PROXY,
    embedder: v.EMBEDDER,
    dataKey: v.DATA_KEY,
    keyFile: v.KEY_FILE ? resolve(v.KEY_FILE) : resolve(path.join('secrets', 'data.key')),
    databaseUrl: v.DATABASE_URL,
    retentionDays: v.RETENTION_DAYS,
    adminToken: v.ADMIN_TOKEN,
    chatMaxConnections: v.CHAT_MAX_CONNECTIONS,
    chatMessagesPerMinute: v.CHAT_MESSAGES_PER_MINUTE,
    chatMessagesPerMinutePerIp: v.CHAT_MESSAGES_PER_MINUTE_PER_IP,
    chatMaxConnectionsPerIp: v.CHAT_MAX_CONNECTIONS_PER_IP,
    dossiersPerMinute: v.DOSSIERS_PER_MINUTE,
    kioskAddresses: Object.freeze([...v.KIOSK_ADDRESSES]),
    kioskTokens: Object.freeze([...v.KIOSK_TOKENS]),
    minutesPerTicket: v.MINUTES_PER_TICKET,
    uiDir: resolve(v.UI_DIR),
    widgetOrigins: Object.freeze(v.WIDGET_ORIGINS.map((o) => new URL(o).origin)),
    kioskIdleSeconds: v.KIOSK_IDLE_SECONDS,
    speech: {
      workers: v.SPEECH_WORKERS,
      cacheBytes: Math.round(v.SPEECH_CACHE_MB * 1024 * 1024),
      wordsPerMinute: v.SPEECH_WORDS_PER_MINUTE,
      requestsPerMinutePerIp: v.SPEECH_REQUESTS_PER_MINUTE_PER_IP,
    },
    asr: v.ASR_URL
      ? { url: v.ASR_URL, model: v.ASR_MODEL, apiKey: v.ASR_API_KEY, timeoutMs: v.ASR_TIMEOUT_MS, maxBytes: v.ASR_MAX_BYTES }
      : undefined,
    llm: v.LLM_URL && v.LLM_MODEL ? { url: v.LLM_URL, model: v.LLM_MODEL, apiKey: v.LLM_API_KEY, timeoutMs: v.LLM_TIMEOUT_MS } : undefined,
    hfEndpoint: v.HF_ENDPOINT,
  });
}
