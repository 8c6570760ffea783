import { api, session, ApiError } from '../api.js';
import { h, mount, field, messageArea } from '../dom.js';

function nextPath(params) {
  const next = params.query.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Shows a problem on the form: field messages next to their inputs, the summary at the top. */
export function showProblem(msg, e, inputs = {}) {
  for (const input of Object.values(inputs)) input.fieldError && input.fieldError('');
  if (e instanceof ApiError) {
    const fields = e.fields;
    let first = null;
    for (const [name, text] of Object.entries(fields)) {
      const input = inputs[name.split('[')[0]];
      if (input) { input.fieldError(text); first = first || input; }
    }
    msg.show(e.message, 'error');
    if (first) first.focus();
  } else {
    msg.show(String(e), 'error');
  }
}

async function signInWith(email, password) {
  const token = await api('POST', '/api/v1/auth/token', { email, password });
  session.set(token.accessToken, token.expiresIn);
}

export async function signIn(main, params, ctx) {
  if (session.token) { ctx.go(nextPath(params)); return 'Home'; }
  const msg = messageArea();
  const email = field('Email', { type: 'email', name: 'email', required: true, attrs: { autocomplete: 'email' } });
  const password = field('Password', { type: 'password', name: 'password', required: true, attrs: { autocomplete: 'current-password' } });
  const form = h('form', { class: 'card narrow', novalidate: true },
    msg, email.row, password.row,
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'),
    h('p', {}, 'New here? ', h('a', { href: '#/signup' }, 'Join your chapter')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    msg.show('Signing in…');
    try {
      await signInWith(email.input.value.trim(), password.input.value);
      await ctx.refreshMe();
      ctx.announce(`Signed in as ${ctx.me.displayName}`);
      ctx.go(nextPath(params));
    } catch (err) {
      showProblem(msg, err, { email: email.input, password: password.input });
    }
  });
  mount(main, h('h1', {}, 'Sign in'), form);
  return 'Sign in';
}

export async function signUp(main, params, ctx) {
  const msg = messageArea();
  const chapters = [...ctx.chapters.values()].sort((a, b) => a.name.localeCompare(b.name));
  const chapter = field('Your chapter', { type: 'select', name: 'chapterId', required: true,
    options: [{ value: '', label: 'Choose your chapter' }, ...chapters.map(c => ({ value: c.id, label: c.name }))],
    hint: 'You can join other chapters later.' });
  const name = field('Your name', { name: 'displayName', required: true, hint: 'Shown to other volunteers.', attrs: { autocomplete: 'name', maxlength: 80 } });
  const email = field('Email', { type: 'email', name: 'email', required: true, attrs: { autocomplete: 'email' } });
  const password = field('Password', { type: 'password', name: 'password', required: true, hint: 'At least 10 characters.', attrs: { autocomplete: 'new-password' } });
  const form = h('form', { class: 'card narrow', novalidate: true },
    msg, chapter.row, name.row, email.row, password.row,
    h('button', { type: 'submit', class: 'primary' }, 'Create my account'),
    h('p', {}, 'Already a member? ', h('a', { href: '#/signin' }, 'Sign in')));
  const inputs = { chapterId: chapter.input, displayName: name.input, email: email.input, password: password.input };
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!chapter.input.value) { chapter.input.fieldError('Choose the chapter you volunteer with'); chapter.input.focus(); return; }
    msg.show('Creating your account…');
    try {
      await api('POST', '/api/v1/auth/register', { chapterId: chapter.input.value, displayName: name.input.value.trim(),
        email: email.input.value.trim(), password: password.input.value });
      await signInWith(email.input.value.trim(), password.input.value);
      await ctx.refreshMe();
      ctx.announce(`Welcome to ${ctx.chapterName(chapter.input.value)}`);
      ctx.go('/');
    } catch (err) {
      showProblem(msg, err, inputs);
    }
  });
  mount(main, h('h1', {}, 'Join Chapterhouse'),
    h('p', { class: 'lede' }, 'Ask other volunteers, share what worked, and find a mentor.'), form);
  return 'Join';
}
