// Entry point: the page shell (header, role-aware navigation, language switch, notices) and a
// hash router (#/board, #/report/KODE, ...). Each page lives in src/pages/ and renders into <main>.

import './style.css';
import { currentSession, logout, onUnauthenticated, restoreSession, type Role, type Session } from './api';
import { lang, setLang, t, type Key } from './i18n';
import { clearNotices, h, notify, showError } from './ui';
import { renderLogin } from './pages/login';
import { renderReport } from './pages/report';
import { renderBoard } from './pages/board';
import { renderTables } from './pages/tables';
import { renderProposal } from './pages/proposal';

export interface PageContext {
  session: Session;
  params: string[];
  navigate: (hash: string) => void;
}
/** A page renders into `root`; it may return a cleanup function called when the page is left. */
export type Page = (root: HTMLElement, ctx: PageContext) => void | (() => void) | Promise<void | (() => void)>;

// The map pages carry MapLibre (about 1 MB): load them only when they are opened. If the user
// moved on while the code loaded, the page's root is gone: render nothing (no map left behind).
const lazy =
  (load: () => Promise<Page>): Page =>
  async (root, ctx) => {
    const page = await load();
    return root.isConnected ? page(root, ctx) : undefined;
  };
const renderMap = lazy(async () => (await import('./pages/map')).renderMap);
const renderScenario = lazy(async () => (await import('./pages/scenario')).renderScenario);
const renderDispatch = lazy(async () => (await import('./pages/dispatch')).renderDispatch);
const renderResponse = lazy(async () => (await import('./pages/response')).renderResponse);
const renderProgrammes = lazy(async () => (await import('./pages/programmes')).renderProgrammes);
const renderSurveillance = lazy(async () => (await import('./pages/surveillance')).renderSurveillance);

interface Route {
  page: Page;
  nav: Key;
  roles: Role[];
  /** Open to a user scoped to a region (the server answers with her region only). */
  regional: boolean;
}

const routes: Record<string, Route> = {
  report: { page: renderReport, nav: 'nav_report', roles: ['operator', 'admin', 'planner', 'viewer'], regional: true },
  board: { page: renderBoard, nav: 'nav_board', roles: ['admin', 'planner', 'viewer'], regional: true },
  map: { page: renderMap, nav: 'nav_map', roles: ['admin', 'planner', 'operator', 'viewer'], regional: true },
  tables: { page: renderTables, nav: 'nav_tables', roles: ['admin', 'planner', 'viewer'], regional: true },
  proposal: { page: renderProposal, nav: 'nav_proposal', roles: ['admin', 'planner', 'viewer'], regional: true },
  scenario: { page: renderScenario, nav: 'nav_scenario', roles: ['admin', 'planner', 'viewer'], regional: false },
  dispatch: { page: renderDispatch, nav: 'nav_dispatch', roles: ['dispatcher', 'admin', 'planner'], regional: false },
  response: { page: renderResponse, nav: 'nav_response', roles: ['admin', 'planner', 'dispatcher'], regional: false },
  programmes: {
    page: renderProgrammes,
    nav: 'nav_programmes',
    roles: ['admin', 'planner', 'viewer', 'operator'],
    regional: false,
  },
  surveillance: {
    page: renderSurveillance,
    nav: 'nav_surveillance',
    roles: ['admin', 'planner', 'viewer', 'operator'],
    regional: true,
  },
};

/** The pages `s` may open: by role, and for a user scoped to a region only the regional ones. */
function mayOpen(r: Route | undefined, s: Session): boolean {
  return r !== undefined && r.roles.includes(s.role) && (s.wilayah === '' || r.regional);
}

function homeFor(s: Session): string {
  if (s.role === 'operator') return `#/report/${encodeURIComponent(s.kode_faskes)}`;
  if (s.role === 'viewer') return '#/map';
  if (s.role === 'dispatcher') return '#/dispatch';
  return '#/board';
}

const app = document.getElementById('app')!;
let cleanup: (() => void) | void;
let renderCount = 0;
let lastRoute = '';
let wanted = '';

function navigate(hash: string): void {
  if (location.hash === hash) void render();
  else location.hash = hash;
}

function langButton(): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'button-link lang',
      'aria-label': t('lang_switch_label'),
      'data-testid': 'lang-switch',
      onclick: () => {
        setLang(lang() === 'id' ? 'en' : 'id');
        void render();
      },
    },
    t('lang_switch'),
  );
}

function shell(session: Session | null, active: string): { main: HTMLElement } {
  const header = h(
    'header',
    { class: 'top' },
    h('a', { class: 'brand', href: '#/' }, h('span', { class: 'logo', 'aria-hidden': 'true' }), t('app_name')),
  );
  if (session) {
    const links = Object.entries(routes)
      .filter(([, r]) => mayOpen(r, session))
      .map(([name, r]) =>
        h('a', { href: `#/${name}`, 'data-testid': `nav-${name}`, 'aria-current': name === active ? 'page' : false }, t(r.nav)),
      );
    header.append(h('nav', { 'aria-label': t('nav_main') }, links));
    header.append(
      h(
        'div',
        { class: 'user' },
        h(
          'span',
          { class: 'muted', 'data-testid': 'whoami' },
          session.wilayah
            ? t('logged_in_as_region', { user: session.username, role: t(`role_${session.role}` as Key), region: session.wilayah })
            : t('logged_in_as', { user: session.username, role: t(`role_${session.role}` as Key) }),
        ),
        langButton(),
        h(
          'button',
          {
            type: 'button',
            class: 'button-secondary',
            'data-testid': 'logout',
            onclick: async () => {
              try {
                await logout();
              } catch (e) {
                showError(e);
              }
              navigate('#/login');
            },
          },
          t('logout'),
        ),
      ),
    );
  } else {
    header.append(h('div', { class: 'user' }, langButton()));
  }
  const main = h('main', { id: 'content', tabindex: '-1' });
  app.replaceChildren(
    h('a', { class: 'skip', href: '#content', onclick: (e: Event) => (e.preventDefault(), main.focus()) }, t('skip_to_content')),
    header,
    main,
  );
  return { main };
}

async function render(): Promise<void> {
  ++renderCount;
  if (cleanup) cleanup();
  cleanup = undefined;
  const [name = '', ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const session = currentSession();
  document.title = t('app_name');
  // Notices belong to the page they were shown on (a re-render of the same page keeps them).
  if (name !== lastRoute) clearNotices();
  lastRoute = name;

  if (name === 'login' || !session) {
    const { main } = shell(null, 'login');
    // After login, go back to the page that was asked for (a deep link), if the role may see it.
    if (name !== 'login' && routes[name]) wanted = location.hash;
    renderLogin(main, (s) => {
      const target = wanted && mayOpen(routes[wanted.slice(2).split('/')[0]], s) ? wanted : homeFor(s);
      wanted = '';
      navigate(target);
    });
    if (name !== 'login') history.replaceState(null, '', '#/login');
    return;
  }
  const route = routes[name];
  if (!route) {
    navigate(homeFor(session));
    return;
  }
  const { main } = shell(session, name);
  if (!mayOpen(route, session)) {
    main.append(h('p', { class: 'panel' }, t('forbidden_page')));
    return;
  }
  document.title = `${t(route.nav)} · ${t('app_name')}`;
  const token = ++renderCount;
  try {
    const done = await route.page(main, { session, params, navigate });
    // If another page was rendered meanwhile, this one is already gone: clean it up now.
    if (token === renderCount) cleanup = done;
    else if (done) done();
  } catch (e) {
    showError(e);
  }
}

onUnauthenticated(() => {
  if (!location.hash.startsWith('#/login')) {
    clearNotices();
    lastRoute = 'login'; // keep the notice below on the login page
    notify(t('session_expired'), 'error');
    navigate('#/login');
  }
});

window.addEventListener('hashchange', () => void render());
window.addEventListener('unhandledrejection', (ev) => {
  showError(ev.reason);
  ev.preventDefault();
});

void (async () => {
  await restoreSession();
  await render();
})();
