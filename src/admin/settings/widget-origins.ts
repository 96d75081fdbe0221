import { z } from 'zod';
import { actorFields } from '../auth/accounts.js';
import type { Actor } from '../auth/roles.js';
import type { Logger } from '../../shared/logger.js';
import type { Storage } from '../../storage/types.js';

/** The settings key of the allowed origins (storage `ward_options`). */
export const WIDGET_ORIGINS_KEY = 'widget-origins';
const MAX_ORIGINS = 50;

/** The origin of `value` when it is exactly one (`https://phuong.example.gov.vn`, a trailing `/` forgiven); else undefined. */
export function parseOrigin(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return undefined;
  return url.origin;
}

/** An admin's list of origins: each a bare `http(s)://host[:port]`, at most 50; duplicates are folded. */
export const WidgetOriginsSchema = z.strictObject({
  origins: z
    .array(
      z
        .string()
        .max(200, { error: 'Địa chỉ dài quá 200 ký tự.' })
        .transform((value, ctx) => {
          const origin = parseOrigin(value);
          if (origin === undefined) {
            ctx.addIssue({ code: 'custom', message: 'Chỉ ghi nguồn của trang web, dạng https://ten-mien.gov.vn (không có đường dẫn phía sau).' });
            return z.NEVER;
          }
          return origin;
        }),
    )
    .max(MAX_ORIGINS, { error: `Tối đa ${MAX_ORIGINS} trang web.` })
    .transform((origins) => [...new Set(origins)]),
});

export type WidgetOriginsSource = 'setting' | 'environment';

export interface WidgetOriginsView {
  origins: readonly string[];
  /** `setting` once an admin saved a list (even an empty one); `environment` (WIDGET_ORIGINS) until then. */
  source: WidgetOriginsSource;
  /** WIDGET_ORIGINS as started, shown beside the list. */
  environment: readonly string[];
}

export interface WidgetOriginsSettingOptions {
  /** WIDGET_ORIGINS: what applies until an admin saves a list in the workbench. */
  defaults: readonly string[];
  getStorage: () => Storage | undefined;
  logger?: Logger;
}

/**
 * The sites allowed to embed the widget, read on every request (docs/admin-api.md, "Widget origins"). An admin's
 * saved list wins over WIDGET_ORIGINS; this instance applies a change at once, others at their next `refresh()`.
 */
export class WidgetOriginsSetting {
  private stored: readonly string[] | undefined;

  constructor(private readonly options: WidgetOriginsSettingOptions) {}

  /** The origins in force now (besides the server's own, which is always allowed). */
  current(): readonly string[] {
    return this.stored ?? this.options.defaults;
  }

  /** What the workbench shows. */
  view(): WidgetOriginsView {
    return { origins: this.current(), source: this.stored ? 'setting' : 'environment', environment: this.options.defaults };
  }

  /** Reads the saved list (another instance may have changed it); on a storage failure the last list stays. */
  async refresh(): Promise<void> {
    const storage = this.options.getStorage();
    if (!storage) return;
    try {
      const saved = await storage.settings.get(WIDGET_ORIGINS_KEY);
      const parsed = saved ? WidgetOriginsSchema.safeParse({ origins: saved.value }) : undefined;
      this.stored = parsed?.success ? Object.freeze(parsed.data.origins) : undefined;
    } catch (error) {
      this.options.logger?.warn({ code: (error as { code?: string }).code }, 'cannot read the widget origins; keeping the last list');
    }
  }

  /** Saves an admin's list with its audit entry in one transaction, then applies it here at once. */
  async update(storage: Storage, origins: readonly string[], actor: Actor): Promise<WidgetOriginsView> {
    const before = this.view();
    await storage.transaction(async (tx) => {
      await tx.settings.set(WIDGET_ORIGINS_KEY, origins);
      await tx.audit.add({
        ...actorFields(actor),
        action: 'settings.widget-origins',
        targetKind: 'settings',
        targetId: WIDGET_ORIGINS_KEY,
        before: { origins: before.origins, source: before.source },
        after: { origins },
      });
    });
    this.stored = Object.freeze([...origins]);
    return this.view();
  }
}
