// Chapterhouse web app: a hash router over small page modules, the header with the live notification bell.
import { api, get, session, stream, ApiError } from './api.js';
import { h, mount } from './dom.js';
import * as auth from './pages/auth.js';
import * as questions from './pages/questions.js';
import * as stories from './pages/stories.js';
import * as people from './pages/people.js';
import * as inbox from './pages/inbox.js';
import * as moderation from './pages/moderation.js';

const routes = [
  ['/', questions.feed],
  ['/signin', auth.signIn],
  ['/signup', auth.signUp],
  ['/ask', questions.ask, true],
  ['/questions/:id', questions.page, true],
  ['/search', questions.search, true],
  ['/tags', questions.tags, true],
  ['/stories', stories.list, true],
  ['/stories/new', stories.write, true],
  ['/stories/:id', stories.page, true],
  ['/stories/:id/edit', stories.write, true],
  ['/review', stories.reviewQueue, true],
  ['/moderation', moderation.queue, true],
  ['/notifications', inbox.inbox, true],
  ['/settings', inbox.settings, true],
  ['/members', people.directory, true],
  ['/members/:id', people.profile, true],
  ['/profile', people.editProfile, true],
];

const ctx = {
  me: null,
  chapters: new Map(),
  chapterName(id) { return (ctx.chapters.get(id) || {}).name || id; },
  roleIn(chapterId) { return ((ctx.me && ctx.me.chapters) || []).find(c => c.chapterId === chapterId)?.role; },
  isStaff() { return !!ctx.me && (ctx.me.roles || []).some(r => r === 'STAFF' || r === 'ADMIN'); },
  isLeadOf(chapterId) { return ctx.isStaff() || ctx.roleIn(chapterId) === 'CHAPTER_LEAD'; },
  leads() { return ((ctx.me && ctx.me.chapters) || []).filter(c => c.role === 'CHAPTER_LEAD').map(c => c.chapterId); },
  myChapters() { return ((ctx.me && ctx.me.chapters) || []).map(c => c.chapterId); },
  go(path) { location.hash = '#' + path; },
  announce(text) { const live = document.getElementById('live'); live.textContent = ''; setTimeout(() => { live.textContent = text; }, 50); },
  async refreshMe() {
    ctx.me = session.token ? await get('/api/v1/members/me').catch(() => null) : null;
    session.me = ctx.me;
    renderHeader();
    startBell();
  },
  bell: { count: 0, listeners: new Set() },
};

function match(path) {
  for (const [pattern, page, needsSignIn] of routes) {
    const names = [];
    const re = new RegExp('^' + pattern.replace(/:(\w+)/g, (_, n) => { names.push(n); return '([^/]+)'; }) + '$');
    const m = path.match(re);
    if (m) return { page, needsSignIn, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
  }
  return null;
}

async function route() {
  const hash = location.hash || '#/';
  if (!hash.startsWith('#/')) return;   // in-page anchors such as the skip link
  const [path, qs] = hash.slice(1).split('?');
  const main = document.getElementById('main');
  const found = match(path);
  const params = new URLSearchParams(qs || '');
  setCurrentNav(path);
  closeMenu();
  if (!found) return show(main, 'Not found', h('h1', { tabindex: '-1' }, 'Page not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the start')));
  if (found.needsSignIn && !session.token) {
    ctx.go('/signin?next=' + encodeURIComponent(path + (qs ? '?' + qs : '')));
    return;
  }
  main.setAttribute('aria-busy', 'true');
  try {
    const title = await found.page(main, { ...found.params, query: params }, ctx);
    document.title = (title ? title + ' · ' : '') + 'Chapterhouse';
  } catch (e) {
    const problem = e instanceof ApiError ? e : new ApiError(0, { detail: String(e) });
    const title = problem.status === 404 ? 'Not found' : problem.status === 403 ? 'Not allowed' : 'Something went wrong';
    show(main, title, h('h1', { tabindex: '-1' }, title), h('p', { class: 'message error', role: 'alert' }, problem.message),
      h('p', {}, h('a', { href: '#/' }, 'Back to the start')));
  } finally {
    main.removeAttribute('aria-busy');
  }
  const h1 = main.querySelector('h1');
  if (h1) { h1.setAttribute('tabindex', '-1'); if (routed) h1.focus({ preventScroll: false }); }
  routed = true;
}
let routed = false;

function show(main, title, ...content) {
  document.title = title + ' · Chapterhouse';
  mount(main, ...content);
}

function navLink(path, label, extra) {
  return h('li', {}, h('a', { href: '#' + path, 'data-path': path }, label, extra));
}

function setCurrentNav(path) {
  for (const a of document.querySelectorAll('#nav a[data-path]')) {
    const p = a.getAttribute('data-path');
    const current = p === '/' ? path === '/' : path === p || path.startsWith(p + '/');
    if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
}

function closeMenu() {
  const toggle = document.getElementById('menu-toggle');
  if (toggle) { toggle.setAttribute('aria-expanded', 'false'); document.getElementById('nav').classList.remove('open'); }
}

function renderHeader() {
  const nav = document.getElementById('nav');
  const me = ctx.me;
  const bellCount = h('span', { class: 'badge', id: 'bell-count', hidden: ctx.bell.count === 0 }, String(ctx.bell.count));
  const items = me ? [
    navLink('/', 'Home'),
    navLink('/ask', 'Ask'),
    navLink('/search', 'Search'),
    navLink('/stories', 'Stories'),
    navLink('/members', 'People'),
    (ctx.leads().length || ctx.isStaff()) ? navLink('/review', 'Review') : null,
    (ctx.leads().length || ctx.isStaff()) ? navLink('/moderation', 'Moderation') : null,
    h('li', {}, h('a', { href: '#/notifications', 'data-path': '/notifications', id: 'bell', 'aria-label': bellLabel(ctx.bell.count) },
      h('span', { 'aria-hidden': 'true' }, 'Notifications'), bellCount)),
    navLink('/profile', me.displayName),
    navLink('/settings', 'Settings'),
    h('li', {}, h('button', { type: 'button', class: 'linklike', onClick: signOut }, 'Sign out')),
  ] : [
    h('li', {}, h('a', { href: '/stories' }, 'Stories')),
    navLink('/signin', 'Sign in'),
    navLink('/signup', 'Join'),
  ];
  mount(nav, h('ul', {}, items));
  const path = (location.hash || '#/').slice(1).split('?')[0];
  setCurrentNav(path);
}

function bellLabel(n) {
  return n === 0 ? 'Notifications, none unread' : `Notifications, ${n} unread`;
}

function setBell(n) {
  ctx.bell.count = n;
  const badge = document.getElementById('bell-count');
  const bell = document.getElementById('bell');
  if (badge) { badge.textContent = String(n); badge.hidden = n === 0; }
  if (bell) bell.setAttribute('aria-label', bellLabel(n));
}

let bellStream = null;
let bellFor = null;
/** Opens the live stream for the signed-in member; one that is open for the same member (a profile save) stays. */
function startBell() {
  const member = ctx.me && ctx.me.id;
  if (bellStream && bellFor === member) return;
  if (bellStream) { bellStream.stop(); bellStream = null; }
  bellFor = member;
  if (!ctx.me) return;
  get('/api/v1/notifications/unread-count').then(r => setBell(r.count)).catch(() => {});
  bellStream = stream('/api/v1/notifications/stream', (name, data) => {
    if (name === 'unread-count' && data && typeof data.count === 'number') {
      const grew = data.count > ctx.bell.count;
      setBell(data.count);
      if (grew) ctx.announce(bellLabel(data.count));
    } else if (name === 'notification') {
      for (const l of ctx.bell.listeners) l(data);
    }
  });
}

function signOut() {
  session.clear();
  ctx.me = null;
  if (bellStream) { bellStream.stop(); bellStream = null; }
  bellFor = null;
  setBell(0);
  renderHeader();
  ctx.go('/signin');
  ctx.announce('Signed out');
}

/** Every chapter's name (public), page by page: the sign-up choice and the names shown beside questions. */
async function loadChapters() {
  for (let page = 0; page < 50; page++) {
    const r = await api('GET', `/api/v1/chapters?size=100&page=${page}`).catch(() => null);
    if (!r) return;
    for (const c of r.items) ctx.chapters.set(c.id, c);
    if ((page + 1) * r.size >= r.total || !r.items.length) return;
  }
}

async function start() {
  document.querySelector('.skip').addEventListener('click', e => {
    e.preventDefault();
    const main = document.getElementById('main');
    (main.querySelector('h1') || main).focus();
  });
  const toggle = document.getElementById('menu-toggle');
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    document.getElementById('nav').classList.toggle('open', open);
  });
  await loadChapters();
  await ctx.refreshMe();
  window.addEventListener('hashchange', route);
  await route();
}

start();
