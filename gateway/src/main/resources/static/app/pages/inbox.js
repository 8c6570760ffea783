import { get, post, put, query } from '../api.js';
import { h, mount, field, messageArea, when, plural, pager, commaList } from '../dom.js';
import { showProblem } from './auth.js';

const KINDS = {
  QUESTION_POSTED: 'New question',
  ANSWER_POSTED: 'New answer',
  ANSWER_ACCEPTED: 'Answer accepted',
  STORY_SUBMITTED: 'Story to review',
  STORY_SHARED: 'Story published',
};

function target(n) {
  if (n.storyId) return '#/stories/' + encodeURIComponent(n.storyId);
  if (n.questionId) return '#/questions/' + encodeURIComponent(n.questionId);
  return '#/notifications';
}

function item(n, ctx) {
  const link = h('a', { href: target(n) }, n.title || KINDS[n.kind] || n.kind);
  link.addEventListener('click', () => { if (!n.read) post(`/api/v1/notifications/${encodeURIComponent(n.id)}/read`).catch(() => {}); });
  return h('li', { class: 'item notification' + (n.read ? '' : ' unread') },
    h('div', { class: 'body' },
      h('p', { class: 'kind' }, n.read ? null : h('span', { class: 'badge new' }, 'New'), ' ', KINDS[n.kind] || n.kind,
        n.chapterId ? ' · ' + ctx.chapterName(n.chapterId) : ''),
      h('h3', {}, link),
      h('p', { class: 'meta' }, when(n.createdAt))));
}

export async function inbox(main, params, ctx) {
  const p = params.query;
  const unread = p.get('unread') === 'true';
  const page = Number(p.get('page') || 0);
  const r = await get('/api/v1/notifications' + query({ unread: unread ? 'true' : '', page, size: 20 }));
  const list = h('ol', { class: 'items', id: 'inbox-list' }, r.items.map(n => item(n, ctx)));
  const msg = messageArea();
  const readAll = h('button', { type: 'button' }, 'Mark all as read');
  readAll.addEventListener('click', async () => {
    try { const u = await post('/api/v1/notifications/read-all'); msg.show(`${plural(u.updated, 'notification')} marked as read.`, 'ok'); await inbox(main, params, ctx); }
    catch (e) { msg.show(e.message, 'error'); }
  });
  const live = n => {
    if (!document.body.contains(list) || page !== 0) { ctx.bell.listeners.delete(live); return; }
    list.prepend(item(n, ctx));
    empty.hidden = true;
  };
  ctx.bell.listeners.add(live);
  const empty = h('p', { class: 'empty', hidden: r.items.length > 0 }, unread ? 'Nothing unread.' : 'No notifications yet. Ask or answer a question and you will hear back here.');
  mount(main,
    h('div', { class: 'page-head' }, h('h1', {}, 'Notifications'), readAll),
    msg,
    h('nav', { class: 'tabs', 'aria-label': 'Notifications' },
      h('a', { href: '#/notifications', 'aria-current': unread ? null : 'page' }, 'All'),
      h('a', { href: '#/notifications?unread=true', 'aria-current': unread ? 'page' : null }, 'Unread')),
    list, empty,
    pager(r, n => '#/notifications' + query({ unread: unread ? 'true' : '', page: n })),
    h('p', {}, h('a', { href: '#/settings' }, 'Choose what you hear about and how')));
  return 'Notifications';
}

const FREQ = [{ value: 'INSTANT', label: 'Right away' }, { value: 'DAILY', label: 'Once a day' }, { value: 'WEEKLY', label: 'Once a week' }, { value: 'NEVER', label: 'Never' }];

export async function settings(main, params, ctx) {
  const [prefs, subs] = await Promise.all([get('/api/v1/notifications/preferences'), get('/api/v1/subscriptions')]);
  const pmsg = messageArea();
  const email = field('Email for notifications', { type: 'email', name: 'email', value: prefs.email || '', hint: 'Leave empty for no email; you always see them here.', attrs: { autocomplete: 'email' } });
  const freq = field('Email me', { type: 'select', name: 'emailFrequency', value: prefs.emailFrequency, options: FREQ });
  const kinds = Object.entries(KINDS).map(([k, label]) => ({ k, f: field(label, { type: 'select', name: 'kind-' + k, value: (prefs.kinds || {})[k] || '',
    options: [{ value: '', label: 'As above' }, ...FREQ] }) }));
  const pform = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'prefs-head' },
    h('h2', { id: 'prefs-head' }, 'Email'), pmsg, email.row, freq.row,
    h('fieldset', {}, h('legend', {}, 'For each kind'), kinds.map(x => x.f.row)),
    h('button', { type: 'submit', class: 'primary' }, 'Save email settings'));
  pform.addEventListener('submit', async e => {
    e.preventDefault();
    const overrides = Object.fromEntries(kinds.filter(x => x.f.input.value).map(x => [x.k, x.f.input.value]));
    try {
      await put('/api/v1/notifications/preferences', { email: email.input.value.trim() || null, emailFrequency: freq.input.value, kinds: overrides });
      pmsg.show('Email settings saved.', 'ok');
    } catch (err) { showProblem(pmsg, err, { email: email.input, emailFrequency: freq.input }); }
  });

  const smsg = messageArea();
  const tags = field('Tags I follow', { name: 'tags', value: (subs.tags || []).join(', '), hint: 'New questions with these tags, separated by commas.' });
  const chapterBoxes = ctx.myChapters().map(id => ({ id, f: field(ctx.chapterName(id), { type: 'checkbox', name: 'chapter-' + id, value: (subs.chapters || []).includes(id) }) }));
  const network = field('Stories shared with the whole network', { type: 'checkbox', name: 'network', value: subs.network });
  const sform = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'subs-head' },
    h('h2', { id: 'subs-head' }, 'What I follow'), smsg, tags.row,
    h('fieldset', {}, h('legend', {}, 'Every new question in'), chapterBoxes.map(x => x.f.row)),
    network.row,
    h('p', { class: 'hint' }, `You also follow ${plural((subs.questions || []).length, 'question')} you asked or answered.`),
    h('button', { type: 'submit', class: 'primary' }, 'Save what I follow'));
  sform.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await put('/api/v1/subscriptions', { questions: subs.questions || [], tags: commaList(tags.input.value),
        chapters: chapterBoxes.filter(x => x.f.input.checked).map(x => x.id), network: network.input.checked });
      smsg.show('Saved.', 'ok');
    } catch (err) { showProblem(smsg, err, { tags: tags.input }); }
  });
  mount(main, h('h1', {}, 'Settings'), pform, sform);
  return 'Settings';
}

