// Small DOM helpers. Text is always set as text; the only HTML ever inserted is what the services rendered and
// sanitised (bodyHtml, previews) and search highlights, which are rebuilt here from text and <mark> only.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'class') el.className = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the children of el. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** HTML the service rendered from Markdown and sanitised (CommonMark + OWASP sanitizer, support/web/Markdown). */
export function serverHtml(html, cls = 'prose') {
  const div = h('div', { class: cls });
  div.innerHTML = html || '';
  for (const a of div.querySelectorAll('a[href]')) {
    a.setAttribute('rel', 'nofollow noopener noreferrer');
  }
  return div;
}

/** A search highlight: the service escapes the text and adds <mark>; keep exactly text and <mark>, nothing else. */
export function highlighted(snippet) {
  const t = document.createElement('template');
  t.innerHTML = snippet || '';
  const out = document.createDocumentFragment();
  const walk = (node, into) => {
    for (const n of node.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) into.append(n.textContent);
      else if (n.nodeName === 'MARK') { const m = h('mark'); walk(n, m); into.append(m); }
      else walk(n, into);
    }
  };
  walk(t.content, out);
  return out;
}

let uid = 0;
export const nextId = (p = 'f') => `${p}-${++uid}`;

/** A labelled form field; returns { row, input }. type: text|email|password|textarea|select|checkbox. */
export function field(label, { type = 'text', name, value = '', options = [], hint, required, attrs = {} } = {}) {
  const id = nextId(name || 'f');
  let input;
  if (type === 'textarea') {
    input = h('textarea', { id, name, required, ...attrs });
    input.value = value;
  } else if (type === 'select') {
    input = h('select', { id, name, required, ...attrs },
      options.map(o => h('option', { value: o.value, selected: String(o.value) === String(value) }, o.label)));
  } else if (type === 'checkbox') {
    input = h('input', { id, name, type: 'checkbox', ...attrs });
    input.checked = !!value;
    return { row: h('div', { class: 'field check' }, input, h('label', { for: id }, label)), input };
  } else {
    input = h('input', { id, name, type, required, ...attrs });
    input.value = value;
  }
  const hintEl = hint ? h('p', { class: 'hint', id: id + '-hint' }, hint) : null;
  const errEl = h('p', { class: 'field-error', id: id + '-error', hidden: true });
  input.setAttribute('aria-describedby', [hint ? id + '-hint' : null, id + '-error'].filter(Boolean).join(' '));
  const row = h('div', { class: 'field' }, h('label', { for: id }, label, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null), hintEl, input, errEl);
  input.fieldError = msg => {
    errEl.hidden = !msg; errEl.textContent = msg || '';
    if (msg) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
  };
  return { row, input };
}

/** A status/alert area for a form or a page: shows a problem (RFC 9457) or a message. */
export function messageArea() {
  const el = h('div', { class: 'message', role: 'status', 'aria-live': 'polite' });
  el.show = (text, kind = 'info') => {
    el.className = 'message ' + kind;
    el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    el.textContent = text || '';
  };
  el.clear = () => el.show('');
  return el;
}

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export function when(iso) {
  if (!iso) return '';
  return h('time', { datetime: iso }, dateFmt.format(new Date(iso)));
}

export function plural(n, one, many = one + 's') {
  return `${n} ${n === 1 ? one : many}`;
}

/** The items of a comma-separated field (tags, skills), trimmed, empty ones dropped. */
export function commaList(value) {
  return value.split(',').map(s => s.trim()).filter(Boolean);
}

/** Calls fn at most once per wait ms, after the last call. */
export function debounce(fn, wait) {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), wait); };
}

export function tagList(tags, hrefFor) {
  if (!tags || !tags.length) return null;
  return h('ul', { class: 'tags', 'aria-label': 'Tags' },
    tags.map(t => h('li', {}, hrefFor ? h('a', { href: hrefFor(t), class: 'tag' }, t) : h('span', { class: 'tag' }, t))));
}

/** Previous/next links for a {items, page, size, total} page. */
export function pager(page, hrefFor) {
  const last = Math.max(0, Math.ceil(page.total / page.size) - 1);
  if (last === 0) return null;
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    page.page > 0 ? h('a', { href: hrefFor(page.page - 1), rel: 'prev' }, '← Previous') : null,
    h('span', {}, `Page ${page.page + 1} of ${last + 1}`),
    page.page < last ? h('a', { href: hrefFor(page.page + 1), rel: 'next' }, 'Next →') : null);
}
