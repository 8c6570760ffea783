// The Markdown field of questions, answers and stories: a textarea with a Preview button that shows the text as
// the services will render and sanitise it (POST /api/v1/questions/preview), so the preview is what is shown.
import { post } from './api.js';
import { h, mount, field, serverHtml } from './dom.js';

export function markdownEditor(label, { name, value = '', required = true, hint = 'Markdown: **bold**, _italic_, lists, [links](https://…).', rows = 8 } = {}) {
  const f = field(label, { type: 'textarea', name, value, required, hint, attrs: { rows, maxlength: 20000 } });
  const preview = h('div', { class: 'preview', hidden: true, 'aria-live': 'polite' });
  const toggle = h('button', { type: 'button', class: 'small', 'aria-pressed': 'false' }, 'Preview');
  toggle.addEventListener('click', async () => {
    const showing = toggle.getAttribute('aria-pressed') === 'true';
    if (showing) {
      toggle.setAttribute('aria-pressed', 'false'); toggle.textContent = 'Preview'; preview.hidden = true; f.input.hidden = false; f.input.focus();
      return;
    }
    try {
      const r = await post('/api/v1/questions/preview', { body: f.input.value });
      mount(preview, h('p', { class: 'hint' }, 'Preview'), serverHtml(r.html || '<p><em>Nothing to preview yet.</em></p>'));
    } catch (e) {
      mount(preview, h('p', { class: 'message error', role: 'alert' }, e.message));
    }
    toggle.setAttribute('aria-pressed', 'true'); toggle.textContent = 'Edit'; preview.hidden = false; f.input.hidden = true;
  });
  f.row.append(h('div', { class: 'editor-tools' }, toggle), preview);
  return f;
}
