import { el } from '../shared/dom.js';
import type { Role } from './api/types.js';
import { s } from './i18n/strings.js';

/** What a screen gets: its region of the page, the route's parameters and query, and a signal for leaving. */
export interface View {
  main: HTMLElement;
  params: string[];
  query: URLSearchParams;
  /** Aborted when the official leaves the screen: stop timers, ignore late answers. */
  signal: AbortSignal;
  /** Puts the screen's h1 (and the document title). */
  heading(text: string): HTMLHeadingElement;
}

export interface Route {
  pattern: RegExp;
  role: Role;
  /** Which navigation link is current. */
  nav: keyof typeof s.nav;
  render(view: View): void | Promise<void>;
}

/** `#/entries/abc?x=1` → path `/entries/abc` and its query. */
export function parseHash(hash: string): { path: string; query: URLSearchParams } {
  const raw = hash.replace(/^#/, '') || '/entries';
  const [path = '/entries', search = ''] = raw.split('?', 2);
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(search) };
}

/** Changes the hash without re-rendering (a list keeps its focus while the address follows its filters). */
export function replaceQuery(path: string, query: Record<string, string | number | boolean | undefined>): void {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  const search = params.toString();
  history.replaceState(null, '', `#${path}${search ? `?${search}` : ''}`);
}

let controller: AbortController | undefined;

/** Renders the screen for the current hash into `main`; `allowed` says whether the official may see it. */
export async function renderRoute(routes: readonly Route[], main: HTMLElement, allowed: (role: Role) => boolean, onNav: (nav: string | undefined) => void): Promise<void> {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  const { path, query } = parseHash(location.hash);
  main.replaceChildren();
  // An object, not a local `let`: the heading is created inside view.heading(), which the screen calls.
  const page: { title?: HTMLHeadingElement } = {};
  const view: View = {
    main,
    query,
    signal,
    params: [],
    heading(text) {
      const title = (page.title ??= el('h1', 'page-title'));
      title.textContent = text;
      title.tabIndex = -1;
      if (!title.isConnected) main.prepend(title);
      document.title = `${text} — ${s.brand}`;
      return title;
    },
  };
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    onNav(route.nav);
    if (!allowed(route.role)) {
      view.heading(s.nav[route.nav]);
      main.append(el('p', 'message message-error', s.forbidden));
      page.title?.focus();
      return;
    }
    view.params = match.slice(1).map((p) => decodeURIComponent(p));
    const rendering = route.render(view);
    // Move focus to the new page's title so keyboard and screen-reader users start at the top of it, unless the
    // screen put it somewhere on purpose (the desk's scan input).
    const screenFocused = () => document.activeElement !== main && main.contains(document.activeElement);
    if (!screenFocused()) page.title?.focus();
    await rendering;
    if (!signal.aborted && (document.activeElement === document.body || document.activeElement === null)) page.title?.focus();
    return;
  }
  onNav(undefined);
  view.heading(s.notFoundPage);
  page.title?.focus();
}
