import { api, get, post, query } from '../api.js';
import { h, mount, field, messageArea, serverHtml, when, tagList, pager, commaList } from '../dom.js';
import { markdownEditor } from '../editor.js';
import { showProblem } from './auth.js';

const KINDS = [{ value: 'SUCCESS_STORY', label: 'Success story' }, { value: 'BEST_PRACTICE', label: 'Best practice' }, { value: 'IDEA', label: 'Idea' }];
const kindLabel = k => (KINDS.find(x => x.value === k) || { label: k }).label;
const STATUS = { DRAFT: 'Draft', SUBMITTED: 'Waiting for review', RETURNED: 'Returned for changes', PUBLISHED: 'Published' };
const VIS = { CHAPTER: 'Chapter only', NETWORK: 'The whole network', PUBLIC: 'Public, on the website' };

function storyItem(s, ctx, showStatus) {
  return h('li', { class: 'item' },
    h('div', { class: 'body' },
      h('h3', {}, h('a', { href: '#/stories/' + encodeURIComponent(s.id) }, s.title)),
      h('p', { class: 'meta' },
        h('span', { class: 'badge' }, kindLabel(s.kind)), ' ',
        showStatus ? h('span', { class: 'badge ' + (s.status === 'PUBLISHED' ? 'ok' : s.status === 'RETURNED' ? 'warn' : '') }, STATUS[s.status] || s.status) : null, ' ',
        (s.author && s.author.displayName) || 'former member', ' · ', ctx.chapterName(s.chapterId), ' · ',
        when(s.publishedAt || s.submittedAt || s.createdAt)),
      tagList(s.tags)));
}

export async function list(main, params, ctx) {
  const p = params.query;
  const tab = p.get('tab') === 'mine' ? 'mine' : 'published';
  const page = Number(p.get('page') || 0);
  const kind = p.get('kind') || '';
  const r = await get('/api/v1/stories' + query({ mine: tab === 'mine' ? 'true' : '', kind, page, size: 20 }));
  const filter = h('form', { class: 'filters' },
    field('Kind', { type: 'select', name: 'kind', value: kind, options: [{ value: '', label: 'All kinds' }, ...KINDS] }).row,
    h('button', { type: 'submit' }, 'Show'));
  filter.addEventListener('submit', e => { e.preventDefault(); ctx.go('/stories' + query({ tab: tab === 'mine' ? 'mine' : '', kind: new FormData(filter).get('kind') })); });
  mount(main,
    h('div', { class: 'page-head' }, h('h1', {}, 'Stories'), h('a', { href: '#/stories/new', class: 'button primary' }, 'Write a story')),
    h('p', {}, 'Success stories, best practices and ideas from across the network. ',
      h('a', { href: '/stories' }, 'The public stories page'), ' is what everyone can read on the website.'),
    h('nav', { class: 'tabs', 'aria-label': 'Stories' },
      h('a', { href: '#/stories', 'aria-current': tab === 'published' ? 'page' : null }, 'Published'),
      h('a', { href: '#/stories?tab=mine', 'aria-current': tab === 'mine' ? 'page' : null }, 'My stories')),
    filter,
    r.items.length ? h('ol', { class: 'items' }, r.items.map(s => storyItem(s, ctx, tab === 'mine')))
      : h('p', { class: 'empty' }, tab === 'mine' ? 'You have not written a story yet.' : 'No stories yet.'),
    pager(r, n => '#/stories' + query({ tab: tab === 'mine' ? 'mine' : '', kind, page: n })));
  return 'Stories';
}

/** New story, or edit a draft / returned story of mine. */
export async function write(main, params, ctx) {
  let story = null, etag = null;
  if (params.id) {
    const r = await api('GET', '/api/v1/stories/' + encodeURIComponent(params.id), undefined, { raw: true });
    story = r.data; etag = r.headers.get('ETag') || `"${story.revision}"`;
  }
  const mine = ctx.myChapters();
  const msg = messageArea();
  const chapter = field('Chapter', { type: 'select', name: 'chapterId', value: story ? story.chapterId : ctx.me.homeChapterId, options: mine.map(id => ({ value: id, label: ctx.chapterName(id) })) });
  const title = field('Title', { name: 'title', value: story ? story.title : '', required: true, hint: '10–150 characters.', attrs: { maxlength: 150 } });
  const kind = field('Kind', { type: 'select', name: 'kind', value: story ? story.kind : 'SUCCESS_STORY', options: KINDS });
  const body = markdownEditor('Story', { name: 'body', value: story ? story.body : '', rows: 12,
    hint: 'Markdown works. What happened, what you did, what others can copy.' });
  const tags = field('Tags', { name: 'tags', value: story ? story.tags.join(', ') : '', required: true, hint: 'One to five, separated by commas.' });
  const visibility = field('Who can read it once published', { type: 'select', name: 'visibility', value: story ? story.visibility : 'CHAPTER',
    options: Object.entries(VIS).map(([value, label]) => ({ value, label })),
    hint: 'Your chapter\'s leads review chapter stories; network staff review stories for the network or the website.' });
  const minors = field('It shows or names children or young people', { type: 'checkbox', name: 'featuresMinors', value: story && story.featuresMinors });
  const consent = field('The chapter holds the consent to share it', { type: 'checkbox', name: 'consentOnFile', value: story && story.consentOnFile });
  const inputs = { title: title.input, body: body.input, tags: tags.input, kind: kind.input, visibility: visibility.input, chapterId: chapter.input };
  const form = h('form', { class: 'card', novalidate: true }, msg, story ? null : chapter.row, title.row, kind.row, body.row, tags.row, visibility.row,
    h('fieldset', {}, h('legend', {}, 'Safeguarding'), minors.row, consent.row),
    h('button', { type: 'submit', class: 'primary' }, story ? 'Save changes' : 'Save draft'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const fields = { title: title.input.value.trim(), body: body.input.value, kind: kind.input.value,
      tags: commaList(tags.input.value), visibility: visibility.input.value,
      featuresMinors: minors.input.checked, consentOnFile: consent.input.checked };
    try {
      const saved = story
        ? await api('PATCH', '/api/v1/stories/' + encodeURIComponent(story.id), fields, { headers: { 'If-Match': etag } })
        : await post('/api/v1/stories', { ...fields, chapterId: chapter.input.value });
      ctx.announce(story ? 'Story saved' : 'Draft saved');
      ctx.go('/stories/' + encodeURIComponent(saved.id));
    } catch (err) {
      if (err.status === 412) msg.show('This story changed since you opened it. Reload and edit again.', 'error');
      else showProblem(msg, err, inputs);
    }
  });
  mount(main, h('h1', {}, story ? 'Edit story' : 'Write a story'), form);
  return story ? 'Edit story' : 'Write a story';
}

export async function page(main, params, ctx) {
  const s = await get('/api/v1/stories/' + encodeURIComponent(params.id));
  const mine = ctx.me && s.author && s.author.id === ctx.me.id;
  // chapter stories are reviewed by the chapter's leads; network and public ones by network staff (stories-service)
  const reviewer = !mine && (s.visibility === 'CHAPTER' ? ctx.isLeadOf(s.chapterId) : ctx.isStaff());
  const msg = messageArea();
  const act = (label, path, body, done, cls = 'primary') => {
    const b = h('button', { type: 'button', class: cls }, label);
    b.addEventListener('click', async () => {
      try { await post(path, body && body()); ctx.announce(done); await page(main, params, ctx); }
      catch (e) { msg.show(e.message, 'error'); }
    });
    return b;
  };
  const base = '/api/v1/stories/' + encodeURIComponent(s.id);
  const actions = [];
  if (mine && (s.status === 'DRAFT' || s.status === 'RETURNED')) {
    actions.push(h('a', { href: `#/stories/${encodeURIComponent(s.id)}/edit`, class: 'button' }, 'Edit'));
    actions.push(act('Submit for review', base + '/submission', null, 'Submitted for review'));
  }
  let returnForm = null;
  if (reviewer && s.status === 'SUBMITTED') {
    actions.push(act('Publish', base + '/publication', null, 'Published'));
    const comment = field('What should the author change?', { type: 'textarea', name: 'comment', required: true, attrs: { rows: 3, maxlength: 2000 } });
    returnForm = h('form', { class: 'card', novalidate: true, 'aria-label': 'Return to the author' }, comment.row,
      h('button', { type: 'submit' }, 'Return to the author'));
    returnForm.addEventListener('submit', async e => {
      e.preventDefault();
      try { await post(base + '/return', { comment: comment.input.value }); ctx.announce('Returned to the author'); await page(main, params, ctx); }
      catch (err) { showProblem(msg, err, { comment: comment.input }); }
    });
  }
  mount(main,
    h('article', { class: 'story' },
      h('h1', {}, s.title),
      h('p', { class: 'meta' }, h('span', { class: 'badge' }, kindLabel(s.kind)), ' ',
        h('span', { class: 'badge ' + (s.status === 'PUBLISHED' ? 'ok' : '') }, STATUS[s.status] || s.status), ' ',
        h('span', { class: 'badge net' }, VIS[s.visibility] || s.visibility), ' ',
        'By ', (s.author && s.author.displayName) || 'former member', ' · ', ctx.chapterName(s.chapterId), ' · ', when(s.publishedAt || s.createdAt)),
      s.review && s.status === 'RETURNED' ? h('div', { class: 'message warn', role: 'note' }, h('strong', {}, 'Returned: '), s.review.comment) : null,
      s.featuresMinors ? h('p', { class: 'hint' }, s.consentOnFile ? 'Features young people; consent is on file.' : 'Features young people; no consent on file yet.') : null,
      serverHtml(s.bodyHtml),
      tagList(s.tags),
      s.source && s.source.questionId ? h('p', {}, 'From the question ', h('a', { href: '#/questions/' + encodeURIComponent(s.source.questionId) }, 'this story grew from')) : null,
      s.status === 'PUBLISHED' && s.visibility === 'PUBLIC' ? h('p', {}, h('a', { href: '/stories/' + encodeURIComponent(s.id) }, 'Its public page')) : null),
    msg,
    actions.length ? h('div', { class: 'actions' }, actions) : null,
    returnForm);
  return s.title;
}

export async function reviewQueue(main, params, ctx) {
  const page = Number(params.query.get('page') || 0);
  const r = await get('/api/v1/stories/review-queue' + query({ page, size: 20 }));
  mount(main, h('h1', {}, 'Stories to review'),
    h('p', {}, ctx.isStaff() ? 'Submitted stories for the network and the website, and those of chapters you lead, oldest first. Nobody reviews their own story.'
      : 'Submitted chapter stories of the chapters you lead, oldest first. Nobody reviews their own story.'),
    r.items.length ? h('ol', { class: 'items' }, r.items.map(s => storyItem(s, ctx, true))) : h('p', { class: 'empty' }, 'Nothing is waiting for you.'),
    pager(r, n => '#/review' + query({ page: n })));
  return 'Review queue';
}

