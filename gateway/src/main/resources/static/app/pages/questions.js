import { api, get, post, put, del, query, session, ApiError } from '../api.js';
import { h, mount, field, messageArea, serverHtml, highlighted, when, plural, debounce, tagList, pager, commaList } from '../dom.js';
import { showProblem } from './auth.js';
import { markdownEditor } from '../editor.js';

const tagHref = t => '#/search?tag=' + encodeURIComponent(t);

function questionItem(q, ctx) {
  return h('li', { class: 'item' },
    h('div', { class: 'stats', 'aria-hidden': 'true' },
      h('span', {}, String(q.score)), h('small', {}, 'votes'),
      h('span', { class: q.status === 'answered' ? 'answered' : '' }, String(q.answerCount)), h('small', {}, 'answers')),
    h('div', { class: 'body' },
      h('h3', {}, h('a', { href: '#/questions/' + encodeURIComponent(q.id) }, q.highlight && q.highlight.title ? highlighted(q.highlight.title) : q.title)),
      q.highlight && q.highlight.body ? h('p', { class: 'snippet' }, highlighted(q.highlight.body)) : null,
      h('p', { class: 'meta' },
        h('span', { class: 'visually-hidden' }, `${plural(q.score, 'vote')}, ${plural(q.answerCount, 'answer')}. `),
        q.status === 'answered' ? h('span', { class: 'badge ok' }, 'Answered') : h('span', { class: 'badge' }, 'Unanswered'), ' ',
        q.visibility === 'NETWORK' ? h('span', { class: 'badge net' }, 'Network') : null, ' ',
        ctx.chapterName(q.chapterId), ' · ', q.authorName || 'former member', ' · ', when(q.lastActivityAt || q.createdAt)),
      tagList(q.tags, tagHref)));
}

export function questionList(page, ctx, emptyText) {
  if (!page.items.length) return h('p', { class: 'empty' }, emptyText);
  return h('ol', { class: 'items' }, page.items.map(q => questionItem(q, ctx)));
}

function welcome(main, ctx) {
  mount(main,
    h('section', { class: 'hero' },
      h('h1', {}, 'Volunteers helping volunteers'),
      h('p', { class: 'lede' }, 'Ask how other chapters do it, answer from your own experience, and accept the answer that worked. The best of it becomes stories the whole network can learn from.'),
      h('p', { class: 'actions' }, h('a', { href: '#/signup', class: 'button primary' }, 'Join your chapter'), ' ',
        h('a', { href: '#/signin', class: 'button' }, 'Sign in'), ' ',
        h('a', { href: '/stories', class: 'button' }, 'Read the stories'))));
  return 'Welcome';
}

/** Home: the chapter feed (questions of one of my chapters) or the network feed (everything I may see). */
export async function feed(main, params, ctx) {
  if (!session.token || !ctx.me) return welcome(main, ctx);
  const q = params.query;
  const mine = ctx.myChapters();
  const scope = q.get('scope') === 'network' ? 'network' : 'chapter';
  const chapterId = q.get('chapterId') || ctx.me.homeChapterId || mine[0];
  const sort = q.get('sort') || 'activity';
  const status = q.get('status') || '';
  const page = Number(q.get('page') || 0);
  const result = await get('/api/v1/questions' + query({ chapterId: scope === 'chapter' ? chapterId : '', sort, status, page, size: 20 }));
  const href = (over) => '#/' + query({ scope, chapterId: scope === 'chapter' ? chapterId : '', sort, status, page, ...over });
  const filters = h('form', { class: 'filters', 'aria-label': 'Filter the feed' },
    scope === 'chapter' && mine.length > 1 ? field('Chapter', { type: 'select', name: 'chapterId', value: chapterId,
      options: mine.map(id => ({ value: id, label: ctx.chapterName(id) })) }).row : null,
    field('Sort by', { type: 'select', name: 'sort', value: sort, options: [
      { value: 'activity', label: 'Recent activity' }, { value: 'newest', label: 'Newest' }, { value: 'votes', label: 'Most votes' }] }).row,
    field('Show', { type: 'select', name: 'status', value: status, options: [
      { value: '', label: 'All questions' }, { value: 'unanswered', label: 'Unanswered' }, { value: 'answered', label: 'Answered' }] }).row,
    h('button', { type: 'submit' }, 'Apply'));
  filters.addEventListener('submit', e => {
    e.preventDefault();
    const f = new FormData(filters);
    ctx.go('/' + query({ scope, chapterId: f.get('chapterId') || (scope === 'chapter' ? chapterId : ''), sort: f.get('sort'), status: f.get('status') }));
  });
  const title = scope === 'chapter' ? ctx.chapterName(chapterId) : 'The whole network';
  mount(main,
    h('div', { class: 'page-head' }, h('h1', {}, title),
      h('p', { class: 'actions' }, h('a', { href: '#/tags' + query({ chapterId }), class: 'button' }, 'Browse tags'), ' ',
        h('a', { href: '#/ask', class: 'button primary' }, 'Ask a question'))),
    h('nav', { class: 'tabs', 'aria-label': 'Feeds' },
      h('a', { href: '#/', 'aria-current': scope === 'chapter' ? 'page' : null }, 'My chapter'),
      h('a', { href: '#/?scope=network', 'aria-current': scope === 'network' ? 'page' : null }, 'Network')),
    filters,
    h('p', { class: 'count' }, plural(result.total, 'question')),
    questionList(result, ctx, scope === 'chapter' ? 'No questions here yet. Be the first to ask.' : 'Nothing to show yet.'),
    pager(result, p => href({ page: p })));
  return title;
}

function tagsField(value, chapterIdOf) {
  const listId = 'tag-suggestions';
  const f = field('Tags', { name: 'tags', value: (value || []).join(', '), required: true,
    hint: 'One to five, separated by commas, e.g. homework-help, focus.', attrs: { list: listId, autocomplete: 'off' } });
  const datalist = h('datalist', { id: listId });
  f.row.append(datalist);
  f.input.addEventListener('input', debounce(async () => {
    const last = f.input.value.split(',').pop().trim().toLowerCase();
    if (last.length < 1) return;
    const head = commaList(f.input.value).slice(0, -1);
    const tags = await get('/api/v1/tags' + query({ chapterId: chapterIdOf(), prefix: last, size: 8 })).catch(() => []);
    mount(datalist, tags.map(t => h('option', { value: [...head, t.tag].join(', ') }, `${t.tag} (${t.questions})`)));
  }, 250));
  f.tags = () => commaList(f.input.value);
  return f;
}

export async function ask(main, params, ctx) {
  const mine = ctx.myChapters();
  const msg = messageArea();
  const chapter = field('Chapter', { type: 'select', name: 'chapterId', value: ctx.me.homeChapterId,
    options: mine.map(id => ({ value: id, label: ctx.chapterName(id) })), required: true });
  const title = field('Your question', { name: 'title', required: true, hint: 'A short, specific question (10–150 characters).', attrs: { maxlength: 150, minlength: 10 } });
  const similar = h('section', { class: 'similar', 'aria-live': 'polite', 'aria-label': 'Similar questions' });
  const body = markdownEditor('Details', { name: 'body' });
  const tags = tagsField([], () => chapter.input.value);
  const visibility = field('Who can see it', { type: 'select', name: 'visibility', value: 'CHAPTER', options: [
    { value: 'CHAPTER', label: 'My chapter only' }, { value: 'NETWORK', label: 'The whole network' }] });
  const inputs = { chapterId: chapter.input, title: title.input, body: body.input, tags: tags.input, visibility: visibility.input };
  const lookSimilar = debounce(async () => {
    const t = title.input.value.trim();
    if (t.length < 8) { mount(similar); return; }
    const hits = await get('/api/v1/questions/similar' + query({ title: t, body: body.input.value.slice(0, 2000), limit: 5 })).catch(() => []);
    mount(similar, hits.length ? [h('h2', { class: 'small-head' }, 'Similar questions — yours may already be answered'),
      h('ul', {}, hits.map(s => h('li', {}, h('a', { href: '#/questions/' + encodeURIComponent(s.id) }, s.title), ' ',
        h('span', { class: 'meta' }, `(${plural(s.answerCount, 'answer')}${s.status === 'answered' ? ', answered' : ''})`))))] : []);
  }, 400);
  title.input.addEventListener('input', lookSimilar);
  const form = h('form', { class: 'card', novalidate: true }, msg,
    mine.length > 1 ? chapter.row : null, title.row, similar, body.row, tags.row, visibility.row,
    h('button', { type: 'submit', class: 'primary' }, 'Post your question'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    msg.show('Posting…');
    try {
      const q = await post('/api/v1/questions', { chapterId: chapter.input.value, title: title.input.value.trim(),
        body: body.input.value, tags: tags.tags(), visibility: visibility.input.value });
      ctx.announce('Your question is posted');
      ctx.go('/questions/' + encodeURIComponent(q.id));
    } catch (err) {
      showProblem(msg, err, inputs);
    }
  });
  mount(main, h('h1', {}, 'Ask a question'), form);
  return 'Ask a question';
}

function voteBox(kind, item, own, onChange) {
  const label = kind === 'question' ? 'this question' : 'this answer';
  const score = h('span', { class: 'score', 'aria-live': 'polite' }, String(item.score));
  const btn = (value, text, symbol) => {
    const b = h('button', { type: 'button', class: 'vote', 'aria-pressed': String(item.myVote === value), 'aria-label': `${text} ${label}`, disabled: own }, symbol);
    b.addEventListener('click', async () => {
      try {
        const r = await post(`/api/v1/${kind === 'question' ? 'questions' : 'answers'}/${encodeURIComponent(item.id)}/votes`, { value });
        item.score = r.score; item.myVote = r.myVote;
        score.textContent = String(r.score);
        up.setAttribute('aria-pressed', String(r.myVote === 1));
        down.setAttribute('aria-pressed', String(r.myVote === -1));
        onChange && onChange();
      } catch (e) { alertMsg(b, e.message); }
    });
    return b;
  };
  const up = btn(1, 'Upvote', '▲');
  const down = btn(-1, 'Downvote', '▼');
  return h('div', { class: 'votes', role: 'group', 'aria-label': `Votes on ${label}` }, up, score, h('span', { class: 'visually-hidden' }, ' votes'), down);
}

function alertMsg(near, text) {
  const box = near.closest('article, section, form') || document.getElementById('main');
  let m = box.querySelector(':scope > .message.inline');
  if (!m) { m = h('p', { class: 'message inline error', role: 'alert' }); box.prepend(m); }
  m.textContent = text;
}

function flagForm(kind, id) {
  const details = h('details', { class: 'flag' }, h('summary', {}, 'Flag'));
  const msg = messageArea();
  const reason = field('Why should a lead look at this?', { type: 'select', name: 'reason', options: [
    { value: 'SPAM', label: 'Spam' }, { value: 'OFFENSIVE', label: 'Offensive' }, { value: 'OFF_TOPIC', label: 'Off topic' },
    { value: 'SAFEGUARDING', label: 'A safeguarding concern' }, { value: 'OTHER', label: 'Something else' }] });
  const form = h('form', { class: 'inline-form' }, reason.row, h('button', { type: 'submit' }, 'Send to the chapter leads'), msg);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const r = await post(`/api/v1/${kind}/${encodeURIComponent(id)}/flags`, { reason: reason.input.value });
      msg.show(r.alreadyFlagged ? 'You flagged this already; the leads have it.' : 'Thank you. The chapter leads will take a look.', 'ok');
    } catch (err) { msg.show(err.message, 'error'); }
  });
  details.append(form);
  return details;
}

function moderationControls(kind, item, reload) {
  if (!item.moderation) return null;
  const hidden = item.moderation.hidden;
  const b = h('button', { type: 'button', class: 'small' }, hidden ? 'Restore' : 'Hide');
  b.addEventListener('click', async () => {
    try {
      await post(`/api/v1/moderation/${kind}/${encodeURIComponent(item.id)}/${hidden ? 'restore' : 'hide'}`, {});
      reload(hidden ? 'Restored' : 'Hidden from members');
    } catch (e) { alertMsg(b, e.message); }
  });
  return h('p', { class: 'moderation' },
    hidden ? h('span', { class: 'badge warn' }, 'Hidden') : null, ' ',
    item.moderation.flagCount ? plural(item.moderation.flagCount, 'flag') + ' · ' : '', b);
}

function editQuestionForm(q, etag, done) {
  const msg = messageArea();
  const title = field('Title', { name: 'title', value: q.title, required: true, attrs: { maxlength: 150 } });
  const body = markdownEditor('Details', { name: 'body', value: q.body });
  const tags = tagsField(q.tags, () => q.chapterId);
  const form = h('form', { class: 'card', novalidate: true, 'aria-label': 'Edit the question' }, msg, title.row, body.row, tags.row,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save changes'), ' ',
      h('button', { type: 'button', onClick: () => done(null) }, 'Cancel')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await api('PATCH', '/api/v1/questions/' + encodeURIComponent(q.id), { title: title.input.value.trim(), body: body.input.value, tags: tags.tags() },
        { headers: { 'If-Match': etag } });
      done('Saved');
    } catch (err) {
      if (err.status === 412) msg.show('Someone changed this question while you were editing. Reload to see their change, then edit again.', 'error');
      else showProblem(msg, err, { title: title.input, body: body.input, tags: tags.input });
    }
  });
  return form;
}

function editAnswerForm(a, done) {
  const msg = messageArea();
  const body = markdownEditor('Your answer', { name: 'body', value: a.body });
  const form = h('form', { class: 'card', novalidate: true, 'aria-label': 'Edit the answer' }, msg, body.row,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save answer'), ' ',
      h('button', { type: 'button', onClick: () => done(null) }, 'Cancel')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await api('PATCH', '/api/v1/answers/' + encodeURIComponent(a.id), { body: body.input.value }, { headers: { 'If-Match': `"${a.revision}"` } });
      done('Answer saved');
    } catch (err) {
      if (err.status === 412) msg.show('This answer changed while you were editing. Reload and try again.', 'error');
      else showProblem(msg, err, { body: body.input });
    }
  });
  return form;
}

/** A question with its answers: vote, answer, accept, edit, flag; leads moderate. */
export async function page(main, params, ctx) {
  const { data: q, headers } = await api('GET', '/api/v1/questions/' + encodeURIComponent(params.id), undefined, { raw: true });
  const etag = headers.get('ETag') || `"${q.revision}"`;
  const me = ctx.me;
  const asker = me && q.authorId === me.id;
  const canAccept = asker || ctx.isLeadOf(q.chapterId);
  const reload = (text) => page(main, params, ctx).then(() => { if (text) ctx.announce(text); });

  const questionArticle = h('article', { class: 'question', 'aria-labelledby': 'q-title' },
    h('div', { class: 'post' },
      voteBox('question', q, asker),
      h('div', { class: 'post-body' },
        h('h1', { id: 'q-title' }, q.title),
        h('p', { class: 'meta' },
          q.status === 'answered' ? h('span', { class: 'badge ok' }, 'Answered') : h('span', { class: 'badge' }, 'Unanswered'), ' ',
          q.visibility === 'NETWORK' ? h('span', { class: 'badge net' }, 'Network') : h('span', { class: 'badge' }, 'Chapter only'), ' ',
          'Asked by ', q.authorName || 'former member', ' in ', ctx.chapterName(q.chapterId), ' · ', when(q.createdAt),
          q.revision > 0 ? ' · edited' : ''),
        serverHtml(q.bodyHtml),
        tagList(q.tags, tagHref),
        moderationControls('questions', q, reload),
        h('div', { class: 'post-actions' },
          (asker || ctx.isLeadOf(q.chapterId)) ? h('button', { type: 'button', class: 'small', onClick: () => {
            questionArticle.replaceWith(editQuestionForm(q, etag, text => text ? reload(text) : reload()));
          } }, 'Edit question') : null,
          q.acceptedAnswerId && (asker || ctx.isLeadOf(q.chapterId) || (q.answers || []).some(a => a.accepted && me && a.authorId === me.id))
            ? h('button', { type: 'button', class: 'small', onClick: async (e) => {
              try {
                const story = await post('/api/v1/stories/promotions', { questionId: q.id });
                ctx.announce('A best-practice draft is ready');
                ctx.go('/stories/' + encodeURIComponent(story.id) + '/edit');
              } catch (err) {
                if (err.status === 409) alertMsg(e.target, 'This answer is already a best-practice draft: see your stories.');
                else alertMsg(e.target, err.message);
              }
            } }, 'Share as a best practice') : null,
          !asker ? flagForm('questions', q.id) : null))));

  const answers = (q.answers || []).slice().sort((a, b) => (b.accepted - a.accepted) || (b.score - a.score));
  const answerItems = answers.map(a => {
    const own = me && a.authorId === me.id;
    const art = h('article', { class: 'answer' + (a.accepted ? ' accepted' : ''), 'aria-label': `Answer by ${a.authorName || 'former member'}` },
      h('div', { class: 'post' },
        voteBox('answer', a, own),
        h('div', { class: 'post-body' },
          a.accepted ? h('p', { class: 'badge ok accepted-mark' }, '✓ Accepted answer') : null,
          serverHtml(a.bodyHtml),
          h('p', { class: 'meta' }, 'Answered by ', a.authorName || 'former member', ' · ', when(a.createdAt), a.editedAt ? ' · edited' : ''),
          moderationControls('answers', a, reload),
          h('div', { class: 'post-actions' },
            canAccept && !a.accepted ? h('button', { type: 'button', class: 'small primary', onClick: async (e) => {
              try { await put(`/api/v1/questions/${encodeURIComponent(q.id)}/accepted-answer`, { answerId: a.id }); reload('Answer accepted'); }
              catch (err) { alertMsg(e.target, err.message); }
            } }, 'Accept this answer') : null,
            canAccept && a.accepted ? h('button', { type: 'button', class: 'small', onClick: async (e) => {
              try { await del(`/api/v1/questions/${encodeURIComponent(q.id)}/accepted-answer`); reload('Acceptance withdrawn'); }
              catch (err) { alertMsg(e.target, err.message); }
            } }, 'Withdraw acceptance') : null,
            own ? h('button', { type: 'button', class: 'small', onClick: () => art.replaceWith(editAnswerForm(a, text => reload(text))) }, 'Edit answer') : null,
            !own ? flagForm('answers', a.id) : null))));
    return h('li', {}, art);
  });

  const msg = messageArea();
  const body = markdownEditor('Write your answer', { name: 'body', hint: 'Share what worked for you. Markdown works.' });
  const answerForm = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'answer-head' },
    h('h2', { id: 'answer-head' }, 'Your answer'), msg, body.row, h('button', { type: 'submit', class: 'primary' }, 'Post your answer'));
  answerForm.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await post(`/api/v1/questions/${encodeURIComponent(q.id)}/answers`, { body: body.input.value });
      reload('Your answer is posted');
    } catch (err) { showProblem(msg, err, { body: body.input }); }
  });
  mount(main, questionArticle,
    h('section', { 'aria-labelledby': 'answers-head' },
      h('h2', { id: 'answers-head' }, plural(answers.length, 'answer')),
      answers.length ? h('ol', { class: 'answers' }, answerItems) : h('p', { class: 'empty' }, 'No answers yet. Do you know what works?')),
    answerForm);
  return q.title;
}

/** Search with filters; highlighted results. */
export async function search(main, params, ctx) {
  const p = params.query;
  const state = { q: p.get('q') || '', chapterId: p.get('chapterId') || '', tag: p.get('tag') || '', status: p.get('status') || '',
    sort: p.get('sort') || '', mine: p.get('mine') || '', page: Number(p.get('page') || 0) };
  const chapters = [...ctx.chapters.values()].sort((a, b) => a.name.localeCompare(b.name));
  const qField = field('Search questions', { type: 'search', name: 'q', value: state.q, hint: 'Words, "a phrase", -exclude, either|or, prefix*' });
  const form = h('form', { class: 'card search-form', role: 'search' },
    qField.row,
    h('div', { class: 'filters' },
      field('Chapter', { type: 'select', name: 'chapterId', value: state.chapterId, options: [{ value: '', label: 'All I can see' }, ...chapters.map(c => ({ value: c.id, label: c.name }))] }).row,
      field('Tag', { name: 'tag', value: state.tag, attrs: { maxlength: 30 } }).row,
      field('Status', { type: 'select', name: 'status', value: state.status, options: [{ value: '', label: 'Any' }, { value: 'unanswered', label: 'Unanswered' }, { value: 'answered', label: 'Answered' }] }).row,
      field('Sort by', { type: 'select', name: 'sort', value: state.sort, options: [{ value: '', label: 'Best match' }, { value: 'activity', label: 'Recent activity' }, { value: 'newest', label: 'Newest' }, { value: 'votes', label: 'Most votes' }] }).row,
      field('Only my questions', { type: 'checkbox', name: 'mine', value: state.mine === 'true', attrs: { value: 'true' } }).row),
    h('button', { type: 'submit', class: 'primary' }, 'Search'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const f = new FormData(form);
    ctx.go('/search' + query({ q: f.get('q').trim(), chapterId: f.get('chapterId'), tag: f.get('tag').trim(), status: f.get('status'), sort: f.get('sort'), mine: f.get('mine') }));
  });
  const results = h('section', { 'aria-labelledby': 'results-head' });
  const searched = state.q || state.tag || state.chapterId || state.status || state.mine;
  if (searched) {
    try {
      const r = await get('/api/v1/questions' + query({ ...state, size: 20 }));
      mount(results, h('h2', { id: 'results-head' }, plural(r.total, 'result')),
        questionList(r, ctx, 'Nothing matched. Try fewer or different words.'),
        pager(r, n => '#/search' + query({ ...state, page: n })));
    } catch (e) {
      if (!(e instanceof ApiError) || e.status >= 500) throw e;
      mount(results, h('h2', { id: 'results-head' }, 'No results'), h('p', { class: 'message error', role: 'alert' }, e.message));
    }
  }
  mount(main, h('h1', {}, 'Search'), form, results);
  return state.q ? `Search: ${state.q}` : 'Search';
}

/** Tags of a chapter with their question counts. */
export async function tags(main, params, ctx) {
  const mine = ctx.myChapters();
  const chapterId = params.query.get('chapterId') || ctx.me.homeChapterId || mine[0] || '';
  const list = await get('/api/v1/tags' + query({ chapterId, size: 100 }));
  const picker = h('form', { class: 'filters' },
    field('Chapter', { type: 'select', name: 'chapterId', value: chapterId, options: [...ctx.chapters.values()].map(c => ({ value: c.id, label: c.name })) }).row,
    h('button', { type: 'submit' }, 'Show'));
  picker.addEventListener('submit', e => { e.preventDefault(); ctx.go('/tags' + query({ chapterId: new FormData(picker).get('chapterId') })); });
  mount(main, h('h1', {}, 'Tags in ' + ctx.chapterName(chapterId)), picker,
    list.length ? h('ul', { class: 'tag-cloud' }, list.map(t => h('li', {},
      h('a', { href: '#/search' + query({ tag: t.tag, chapterId }), class: 'tag' }, t.tag, ' ', h('span', { class: 'count' }, `(${t.questions})`)))))
      : h('p', { class: 'empty' }, 'No tags yet.'));
  return 'Tags';
}
