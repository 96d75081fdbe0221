import { api } from '../api/client.js';
import type { TargetState, WardSettingsResponse } from '../api/types.js';
import { s } from '../i18n/strings.js';
import type { View } from '../router.js';
import { renderTargetPage } from './target/target-page.js';

/** `#/settings`: the ward's address, hours, counters and phone, with the same draft → review → publish flow. */
export function renderWardSettings(view: View): Promise<void> {
  view.heading(s.settings.title);
  return renderTargetPage({
    view,
    schemaKey: 'wardSettings',
    // The server stamps updatedAt and turns `example` off when the ward's own settings are saved.
    readOnly: ['example', 'updatedAt'],
    draftsPath: '/ward-settings/drafts',
    rollbackPath: '/ward-settings/rollback',
    intro: s.settings.intro,
    load: async (signal): Promise<TargetState> => {
      const response = await api.get<WardSettingsResponse>('/ward-settings', undefined, signal);
      return { ...response, content: response.settings, draft: response.draft ?? null, revisions: response.revisions ?? [] };
    },
    title: () => s.settings.title,
  });
}
