import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const MANIFEST_VERSION = 1;

const ManifestItemSchema = z
  .object({
    hash: z.string().min(1),
    labels: z.array(z.number().int().nonnegative()),
    sections: z.array(z.string()),
  })
  .refine((item) => item.labels.length === item.sections.length, { message: 'labels and sections differ in length' });

export const VectorManifestSchema = z
  .object({
    version: z.literal(MANIFEST_VERSION),
    embedderId: z.string().min(1),
    dimension: z.number().int().positive(),
    space: z.enum(['cosine', 'ip']),
    M: z.number().int().positive(),
    efConstruction: z.number().int().positive(),
    /** Ties the manifest to one exact index file, so a torn pair is detected before hnswlib parses it. */
    indexSha256: z.string().regex(/^[0-9a-f]{64}$/),
    items: z.record(z.string(), ManifestItemSchema),
    nextLabel: z.number().int().nonnegative(),
    createdAt: z.string().min(1),
    updatedAt: z.string().min(1),
  })
  .superRefine((manifest, ctx) => {
    // Duplicate or future labels would make two chunks share one vector slot after the next add.
    const seen = new Set<number>();
    for (const item of Object.values(manifest.items)) {
      for (const label of item.labels) {
        if (seen.has(label) || label >= manifest.nextLabel) {
          ctx.addIssue({ code: 'custom', message: 'labels are duplicated or not below nextLabel', path: ['items'] });
          return;
        }
        seen.add(label);
      }
    }
  });

export type VectorManifest = z.infer<typeof VectorManifestSchema>;
export type ManifestItem = VectorManifest['items'][string];

export type ManifestReadResult =
  | { ok: true; manifest: VectorManifest }
  | { ok: false; missing: boolean; reason: string };

/** Reads and validates the manifest; never throws, and reasons never quote file content. */
export function readManifest(file: string): ManifestReadResult {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT', reason: `manifest unreadable (${code ?? 'unknown error'})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    // JSON.parse messages quote the input, so only the fact is reported.
    return { ok: false, missing: false, reason: 'manifest is not valid JSON' };
  }
  const parsed = VectorManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    return { ok: false, missing: false, reason: `manifest fails its schema at ${where}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, manifest: parsed.data };
}
