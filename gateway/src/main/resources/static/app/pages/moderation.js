import { get, post, query } from '../api.js';
import { h, mount, field, messageArea, plural, when } from '../dom.js';

/** The leads' moderation queue: flagged (or hidden) questions and answers of their chapters. */
export async function queue(main, params, ctx) {
  const p = params.query;
  const state = p.get('state') === 'hidden' ? 'hidden' : 'flagged';
  const leads = ctx.leads();
  const chapterId = p.get('chapterId') || (ctx.isStaff() ? '' : leads[0] || '');
  const items = await get('/api/v1/moderation/queue' + query({ chapterId, state, limit: 50 }));
  const msg = messageArea();
  const picker = h('form', { class: 'filters' },
    field('Chapter', { type: 'select', name: 'chapterId', value: chapterId, options: [
      ...(ctx.isStaff() ? [{ value: '', label: 'All chapters' }] : []),
      ...(ctx.isStaff() ? [...ctx.chapters.keys()] : leads).map(id => ({ value: id, label: ctx.chapterName(id) }))] }).row,
    field('Show', { type: 'select', name: 'state', value: state, options: [{ value: 'flagged', label: 'Flagged' }, { value: 'hidden', label: 'Hidden' }] }).row,
    h('button', { type: 'submit' }, 'Show'));
  picker.addEventListener('submit', e => { e.preventDefault(); const f = new FormData(picker); ctx.go('/moderation' + query({ chapterId: f.get('chapterId'), state: f.get('state') })); });
  const decide = (kind, id, action) => {
    const b = h('button', { type: 'button', class: action === 'hide' ? 'danger small' : 'small' }, action === 'hide' ? 'Hide' : 'Restore');
    b.addEventListener('click', async () => {
      try { await post(`/api/v1/moderation/${kind}/${encodeURIComponent(id)}/${action}`, {}); ctx.announce(action === 'hide' ? 'Hidden' : 'Restored'); await queue(main, params, ctx); }
      catch (e) { msg.show(e.message, 'error'); }
    });
    return b;
  };
  const rows = items.map(q => {
    const flaggedAnswers = (q.answers || []).filter(a => a.moderation && (state === 'hidden' ? a.moderation.hidden : a.moderation.flagCount > 0));
    return h('li', { class: 'item' }, h('div', { class: 'body' },
      h('h3', {}, h('a', { href: '#/questions/' + encodeURIComponent(q.id) }, q.title)),
      h('p', { class: 'meta' }, ctx.chapterName(q.chapterId), ' · ', q.authorName || 'former member', ' · ', when(q.createdAt),
        q.moderation ? ` · ${plural(q.moderation.flagCount, 'flag')}${q.moderation.hidden ? ' · hidden' : ''}` : ''),
      q.moderation && (state === 'hidden' ? q.moderation.hidden : q.moderation.flagCount > 0)
        ? h('p', {}, 'The question: ', decide('questions', q.id, q.moderation.hidden ? 'restore' : 'hide')) : null,
      flaggedAnswers.length ? h('ul', {}, flaggedAnswers.map(a => h('li', {},
        `Answer by ${a.authorName || 'former member'} (${plural(a.moderation.flagCount, 'flag')}): “${a.body.slice(0, 140)}” `,
        decide('answers', a.id, a.moderation.hidden ? 'restore' : 'hide')))) : null));
  });
  mount(main, h('h1', {}, 'Moderation'), picker, msg,
    rows.length ? h('ol', { class: 'items' }, rows) : h('p', { class: 'empty' }, state === 'hidden' ? 'Nothing is hidden.' : 'Nothing is flagged. All quiet.'));
  return 'Moderation';
}
