import { el } from '../shared/dom.js';
import { api, handleUnauthorized } from './api/client.js';
import type { SessionInfo } from './api/types.js';
import { s } from './i18n/strings.js';
import { renderRoute, type Route } from './router.js';
import { renderAccounts } from './screens/accounts.js';
import { renderAudit } from './screens/audit.js';
import { renderDashboard } from './screens/dashboard/dashboard.js';
import { renderDesk } from './screens/desk/desk.js';
import { renderEntryList } from './screens/entry-list.js';
import { renderEntryPage } from './screens/entry-page.js';
import { renderGaps } from './screens/gaps/gaps.js';
import { renderLogin } from './screens/login.js';
import { renderReview } from './screens/review.js';
import { renderSituationList } from './screens/situation-list.js';
import { renderSituationPage } from './screens/situation-page.js';
import { renderWardSettings } from './screens/ward-settings.js';
import { renderWidgetOrigins } from './screens/widget-origins.js';
import { can, currentOfficial, endSession, restoreSession, startSession } from './session.js';
import { announce, clearAnnouncement } from './ui/announce.js';
import './admin.css';

const ROUTES: Route[] = [
  { pattern: /^\/entries$/, role: 'editor', nav: 'entries', render: renderEntryList },
  { pattern: /^\/entries\/([^/]+)$/, role: 'editor', nav: 'entries', render: renderEntryPage },
  { pattern: /^\/situations$/, role: 'editor', nav: 'situations', render: renderSituationList },
  { pattern: /^\/situations\/([^/]+)$/, role: 'editor', nav: 'situations', render: renderSituationPage },
  { pattern: /^\/review$/, role: 'editor', nav: 'review', render: renderReview },
  { pattern: /^\/gaps$/, role: 'editor', nav: 'gaps', render: renderGaps },
  { pattern: /^\/dashboard$/, role: 'editor', nav: 'dashboard', render: renderDashboard },
  { pattern: /^\/desk$/, role: 'editor', nav: 'desk', render: renderDesk },
  { pattern: /^\/settings$/, role: 'editor', nav: 'settings', render: renderWardSettings },
  { pattern: /^\/widget-origins$/, role: 'admin', nav: 'widgetOrigins', render: renderWidgetOrigins },
  { pattern: /^\/audit$/, role: 'admin', nav: 'audit', render: renderAudit },
  { pattern: /^\/accounts$/, role: 'admin', nav: 'accounts', render: renderAccounts },
];

const NAV: { key: keyof typeof s.nav; href: string; role: 'editor' | 'admin' }[] = [
  { key: 'entries', href: '#/entries', role: 'editor' },
  { key: 'situations', href: '#/situations', role: 'editor' },
  { key: 'review', href: '#/review', role: 'editor' },
  { key: 'gaps', href: '#/gaps', role: 'editor' },
  { key: 'desk', href: '#/desk', role: 'editor' },
  { key: 'dashboard', href: '#/dashboard', role: 'editor' },
  { key: 'settings', href: '#/settings', role: 'editor' },
  { key: 'widgetOrigins', href: '#/widget-origins', role: 'admin' },
  { key: 'audit', href: '#/audit', role: 'admin' },
  { key: 'accounts', href: '#/accounts', role: 'admin' },
];

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const main = $('main');

/** Fills the strings of the static shell (admin.html carries the same Vietnamese for a first paint). */
function labelShell(): void {
  $('skip').textContent = s.skip;
  $('brand').textContent = s.brand;
  $('brand-sub').textContent = s.brandSub;
  $('logout').textContent = s.logout;
  $('nav').setAttribute('aria-label', s.navLabel);
}

/** Shows who is logged in and the links their role may open. */
function showShell(): void {
  const official = currentOfficial();
  const loggedIn = official !== undefined;
  $('who').hidden = !loggedIn;
  $('nav').hidden = !loggedIn;
  if (!official) return;
  $('who-name').textContent = s.who(official.displayName || official.username, s.roles[official.role] ?? official.role);
  $('nav-list').replaceChildren(
    ...NAV.filter((item) => can(item.role)).map((item) => {
      const li = el('li');
      const a = el('a', 'nav-link', s.nav[item.key]);
      a.href = item.href;
      a.dataset.nav = item.key;
      li.append(a);
      return li;
    }),
  );
}

function markNav(current: string | undefined): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.nav-link')) {
    if (link.dataset.nav === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function route(): void {
  if (!currentOfficial()) return showLogin();
  clearAnnouncement();
  void renderRoute(ROUTES, main, (role) => can(role), markNav);
}

function showLogin(notice?: string): void {
  endSession();
  showShell();
  renderLogin(
    main,
    (session: SessionInfo) => {
      startSession(session);
      showShell();
      if (!location.hash || location.hash === '#' || location.hash === '#/') location.hash = '#/entries';
      else route();
    },
    notice,
  );
}

handleUnauthorized(() => showLogin(s.sessionEnded));

$('logout').addEventListener('click', async () => {
  try {
    await api.post('/logout');
  } catch {
    // Logged out on the server or not, this screen forgets the session.
  }
  showLogin(s.login.loggedOut);
  announce(s.login.loggedOut);
});

window.addEventListener('hashchange', () => route());

labelShell();
void restoreSession().then((ok) => {
  showShell();
  if (ok) route();
  else showLogin();
});
