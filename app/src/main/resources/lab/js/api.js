// The lab's JSON API (docs/lab.md). Every error comes back as {error, field}; we throw it as an Error.
// The page's token: the server gives it with the page's first run; only it controls, cancels or
// replaces this page's runs (another page cannot stop them).
let token = null;

async function call(method, url, body, raw) {
  const init = { method, headers: {} };
  if (token) init.headers['X-Knead-Token'] = token;
  if (body !== undefined) {
    init.body = raw ? body : JSON.stringify(body);
    if (!raw) init.headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(url, init);
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (!res.ok) {
    const e = new Error(json?.error || `${res.status} ${res.statusText}`);
    e.field = json?.field; e.status = res.status;
    throw e;
  }
  return json;
}

export const api = {
  datasets: () => call('GET', '/api/datasets'),
  start: req => call('POST', '/api/runs', req).then(r => { token = r.token; return r; }),
  run: id => call('GET', `/api/runs/${id}`),
  cancel: id => call('DELETE', `/api/runs/${id}`),
  control: (id, body) => call('POST', `/api/runs/${id}/control`, body),
  weights: id => call('GET', `/api/runs/${id}/weights`),
  editWeight: (id, layer, row, col, value) => call('POST', `/api/runs/${id}/weights`, { layer, row, col, value }),
  trace: (id, snapshot = 'latest') => call('GET', `/api/runs/${id}/trace?snapshot=${snapshot}`),
  frame: (id, position, snapshot = 'latest') => call('GET', `/api/runs/${id}/trace?snapshot=${snapshot}&position=${position}`),
  explainBefore: req => call('POST', '/api/explain', req),
  /** The explanation, or its state while it is queued or measured ({status, ahead, seconds}). */
  explainRun: (id, wait = 1) => call('GET', `/api/runs/${id}/explain?wait=${wait}`),
  upload: (file) => file.arrayBuffer().then(buf => call('POST', `/api/upload?name=${encodeURIComponent(file.name)}`, buf, true)),
  exportUrl: id => `/api/runs/${id}/export`,
  /** kind may carry a projection, 'layers:tsne' (kinds and projections: knead render --kind, --projection). */
  figureUrl: (id, kind, format, stage) => `/api/runs/${id}/figure?kind=${kind.split(':')[0]}&format=${format}`
    + (kind.includes(':') ? `&projection=${kind.split(':')[1]}` : '') + (stage != null ? `&stage=${stage}` : ''),
  animationUrl: id => `/api/runs/${id}/animation.gif`,
  /** One point's own values, class and (images) picture size: the picture under the pointer. */
  point: (id, i) => call('GET', `/api/runs/${id}/points/${i}`),
  barcodes: (id, stage, cls) => call('GET', `/api/runs/${id}/barcodes?stage=${stage}` + (cls != null ? `&class=${cls}` : '')),
};

/**
 * Live updates, received and decoded in a worker (live.js): onFrame gets the newest update,
 * decoded, once the page asks for it with want() (once per painted frame); onEnd when the run
 * stops (null when the stream broke, {status: 'failed', error} when the server could not build one).
 */
export function watch(id, onFrame, onEnd) {
  const w = new Worker(new URL('./live.js', import.meta.url), { type: 'module' });
  w.onmessage = e => (e.data.type === 'frame' ? onFrame(e.data) : onEnd(e.data.end));
  w.postMessage({ type: 'watch', url: `/api/runs/${id}/live?every=30` });
  return { stop: () => w.terminate(), want: () => w.postMessage({ type: 'want' }) };
}
