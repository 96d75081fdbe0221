import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/index.js';
import { DEFAULT_HF_ENDPOINT, pullModel } from '../embed/pull-model.js';

const USAGE = 'Usage: npm run models:pull -- <Org/name> [--endpoint URL] [--dir models] [--quantized | --fp32]';

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} B`;
}

/** `npm run models:pull -- Org/name`: downloads a transformers.js embedding model into MODEL_DIR (or --dir). */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      endpoint: { type: 'string' },
      dir: { type: 'string' },
      quantized: { type: 'boolean', default: false },
      fp32: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const repo = positionals[0];
  if (values.help || !repo || positionals.length > 1 || (values.quantized && values.fp32)) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  const dir = values.dir ? path.resolve(values.dir) : config.modelDir;
  const endpoint = values.endpoint ?? config.hfEndpoint ?? DEFAULT_HF_ENDPOINT;
  const weights = values.fp32 ? 'fp32' : values.quantized ? 'quantized' : 'auto';
  console.log(`Downloading ${repo} from ${endpoint} into ${path.relative(process.cwd(), dir) || '.'}/ ...`);
  const result = await pullModel({
    repo,
    dir,
    endpoint,
    weights,
    onFile: ({ file, bytes, skipped }) =>
      console.log(skipped ? `  - ${file} (not on the hub, skipped)` : `  ✓ ${file} (${formatBytes(bytes ?? 0)})`),
  });
  const total = result.files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(
    `Done: ${result.files.length} files, ${formatBytes(total)} in ${path.relative(process.cwd(), result.path) || result.path}. ` +
      'The service picks it up at the next start (EMBEDDER=auto or model).',
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`models:pull failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
