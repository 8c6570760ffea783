import { api, get, query } from '../api.js';
import { h, mount, field, messageArea, serverHtml, plural, tagList, pager, commaList } from '../dom.js';
import { showProblem } from './auth.js';

const roleLabel = r => ({ CHAPTER_LEAD: 'Chapter lead', MENTOR: 'Mentor', VOLUNTEER: 'Volunteer' }[r] || r);

function memberCard(m, ctx) {
  return h('li', { class: 'item person' },
    h('div', { class: 'body' },
      h('h3', {}, h('a', { href: '#/members/' + encodeURIComponent(m.id) }, m.displayName)),
      h('p', { class: 'meta' }, (m.chapters || []).map(c => `${roleLabel(c.role)}, ${ctx.chapterName(c.chapterId)}`).join(' · ')),
      m.availability ? h('p', { class: 'meta' }, 'Available: ', m.availability) : null,
      m.skills && m.skills.length ? h('div', {}, h('span', { class: 'visually-hidden' }, 'Skills: '), tagList(m.skills)) : null));
}

/** The peer directory: find a mentor by skill, chapter or name. */
export async function directory(main, params, ctx) {
  const p = params.query;
  const state = { chapterId: p.get('chapterId') || '', skill: p.get('skill') || '', q: p.get('q') || '', page: Number(p.get('page') || 0) };
  const form = h('form', { class: 'card filters', role: 'search', 'aria-label': 'Find people' },
    field('Name or words', { type: 'search', name: 'q', value: state.q }).row,
    field('Skill', { name: 'skill', value: state.skill, hint: 'e.g. fundraising, python' }).row,
    field('Chapter', { type: 'select', name: 'chapterId', value: state.chapterId, options: [{ value: '', label: 'Any chapter' },
      ...[...ctx.chapters.values()].map(c => ({ value: c.id, label: c.name }))] }).row,
    h('button', { type: 'submit', class: 'primary' }, 'Find'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const f = new FormData(form);
    ctx.go('/members' + query({ q: f.get('q').trim(), skill: f.get('skill').trim(), chapterId: f.get('chapterId') }));
  });
  const r = await get('/api/v1/members' + query({ ...state, size: 20 }));
  mount(main, h('h1', {}, 'People'),
    h('p', {}, 'Volunteers, mentors and leads who share their profile with you.'),
    form,
    h('p', { class: 'count' }, plural(r.total, 'person', 'people')),
    r.items.length ? h('ul', { class: 'items' }, r.items.map(m => memberCard(m, ctx))) : h('p', { class: 'empty' }, 'Nobody matches that.'),
    pager(r, n => '#/members' + query({ ...state, page: n })));
  return 'People';
}

export async function profile(main, params, ctx) {
  const m = await get('/api/v1/members/' + encodeURIComponent(params.id));
  mount(main, h('article', { class: 'profile' },
    h('h1', {}, m.displayName),
    h('p', { class: 'meta' }, (m.chapters || []).map(c => `${roleLabel(c.role)}, ${ctx.chapterName(c.chapterId)}`).join(' · ')),
    m.availability ? h('p', {}, h('strong', {}, 'Available: '), m.availability) : null,
    m.bioHtml ? serverHtml(m.bioHtml) : null,
    m.skills && m.skills.length ? [h('h2', {}, 'Skills'), tagList(m.skills, t => '#/members' + query({ skill: t }))] : null,
    m.programs && m.programs.length ? [h('h2', {}, 'Programs'), tagList(m.programs)] : null,
    ctx.me && ctx.me.id === m.id ? h('p', {}, h('a', { href: '#/profile', class: 'button' }, 'Edit my profile')) : null));
  return m.displayName;
}

export async function editProfile(main, params, ctx) {
  const me = await get('/api/v1/members/me');
  const msg = messageArea();
  const name = field('Name', { name: 'displayName', value: me.displayName, required: true, attrs: { maxlength: 80, autocomplete: 'name' } });
  const bio = field('About you', { type: 'textarea', name: 'bio', value: me.bio || '', hint: 'Markdown, up to 2,000 characters.', attrs: { rows: 5, maxlength: 2000 } });
  const skills = field('Skills', { name: 'skills', value: (me.skills || []).join(', '), hint: 'What you can help others with, separated by commas.' });
  const programs = field('Programs', { name: 'programs', value: (me.programs || []).join(', '), hint: 'Programs you volunteer in.' });
  const availability = field('Availability', { name: 'availability', value: me.availability || '', hint: 'e.g. Tuesday evenings, remote', attrs: { maxlength: 200 } });
  const visibility = field('Who can see my profile', { type: 'select', name: 'profileVisibility', value: me.profileVisibility || 'CHAPTER',
    options: [{ value: 'CHAPTER', label: 'Members of my chapters' }, { value: 'NETWORK', label: 'Everyone in the network' }] });
  const inputs = { displayName: name.input, bio: bio.input, skills: skills.input, programs: programs.input, availability: availability.input, profileVisibility: visibility.input };
  const form = h('form', { class: 'card', novalidate: true }, msg, name.row, bio.row, skills.row, programs.row, availability.row, visibility.row,
    h('button', { type: 'submit', class: 'primary' }, 'Save profile'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await api('PATCH', '/api/v1/members/me', { displayName: name.input.value.trim(), bio: bio.input.value, skills: commaList(skills.input.value),
        programs: commaList(programs.input.value), availability: availability.input.value.trim(), profileVisibility: visibility.input.value });
      msg.show('Profile saved.', 'ok');
      await ctx.refreshMe();
    } catch (err) { showProblem(msg, err, inputs); }
  });
  mount(main, h('h1', {}, 'My profile'),
    h('p', {}, h('a', { href: '#/members/' + encodeURIComponent(me.id) }, 'See it as others do')), form);
  return 'My profile';
}
