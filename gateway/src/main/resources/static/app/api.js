// The API client: the bearer token (kept for this tab only, in sessionStorage), JSON in and out, problems as errors,
// and the live notification stream read with fetch (the token stays in a header, never in a URL or a log).

const TOKEN_KEY = 'chapterhouse.token';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `Request failed (${status})`);
    this.status = status;
    this.problem = problem || {};
  }
  /** Field errors of a 400 validation problem: { field: message }. */
  get fields() {
    const out = {};
    for (const e of this.problem.errors || []) out[e.field] = e.message;
    return out;
  }
}

export const session = {
  get token() {
    const raw = sessionStorage.getItem(TOKEN_KEY);
    if (!raw) return null;
    try {
      const { token, expiresAt } = JSON.parse(raw);
      if (Date.now() < expiresAt - 30_000) return token;
    } catch { /* fall through */ }
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  },
  set(token, expiresIn) {
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify({ token, expiresAt: Date.now() + expiresIn * 1000 }));
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    session.me = null;
  },
  me: null,
};

export async function api(method, path, body, { headers = {}, raw = false } = {}) {
  const h = { Accept: 'application/json, application/problem+json', ...headers };
  const token = session.token;
  if (token) h.Authorization = `Bearer ${token}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { title: 'Offline', detail: 'Chapterhouse could not be reached. Check your connection and try again.' });
  }
  const type = res.headers.get('Content-Type') || '';
  const data = res.status === 204 ? null : type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    if (res.status === 401 && token) session.clear();
    throw new ApiError(res.status, typeof data === 'object' ? data : { detail: String(data || res.statusText) });
  }
  return raw ? { data, headers: res.headers, status: res.status } : data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Reads the Server-Sent Events stream with fetch so the token goes in the Authorization header. Calls
 * onEvent(name, data) per event; reconnects with backoff until stop() is called.
 */
export function stream(path, onEvent, onState = () => {}) {
  let controller = null;
  let stopped = false;
  let delay = 1000;
  const run = async () => {
    while (!stopped) {
      const token = session.token;
      if (!token) return;
      controller = new AbortController();
      try {
        const res = await fetch(path, { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` }, signal: controller.signal });
        if (!res.ok || !res.body) throw new Error(`stream ${res.status}`);
        onState('open');
        delay = 1000;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
            let name = 'message'; const lines = [];
            for (const line of block.split(/\r?\n/)) {
              if (line.startsWith('event:')) name = line.slice(6).trim();
              else if (line.startsWith('data:')) lines.push(line.slice(5).replace(/^ /, ''));
            }
            if (lines.length) {
              let data = lines.join('\n');
              try { data = JSON.parse(data); } catch { /* plain text */ }
              onEvent(name, data);
            }
          }
        }
      } catch (e) {
        if (stopped) return;
      }
      onState('closed');
      if (stopped) return;
      await new Promise(r => setTimeout(r, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  };
  run();
  return { stop() { stopped = true; if (controller) controller.abort(); } };
}
