// The lab's JSON API (docs/lab.md). Every error comes back as {error, field}; we throw it as an Error.
async function call(method, url, body, raw) {
  const init = { method, headers: {} };
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
  start: req => call('POST', '/api/runs', req),
  run: id => call('GET', `/api/runs/${id}`),
  cancel: id => call('DELETE', `/api/runs/${id}`),
  control: (id, body) => call('POST', `/api/runs/${id}/control`, body),
  trace: (id, snapshot = 'latest') => call('GET', `/api/runs/${id}/trace?snapshot=${snapshot}`),
  frame: (id, position, snapshot = 'latest') => call('GET', `/api/runs/${id}/trace?snapshot=${snapshot}&position=${position}`),
  explainBefore: req => call('POST', '/api/explain', req),
  explainRun: id => call('GET', `/api/runs/${id}/explain`),
  upload: (file) => file.arrayBuffer().then(buf => call('POST', `/api/upload?name=${encodeURIComponent(file.name)}`, buf, true)),
  exportUrl: id => `/api/runs/${id}/export`,
  figureUrl: (id, kind, format, stage) => `/api/runs/${id}/figure?kind=${kind}&format=${format}` + (stage != null ? `&stage=${stage}` : ''),
  animationUrl: id => `/api/runs/${id}/animation.gif`,
  barcodes: (id, stage, cls) => call('GET', `/api/runs/${id}/barcodes?stage=${stage}` + (cls != null ? `&class=${cls}` : '')),
};

/** Live updates: calls onFrame with each parsed frame, onEnd when the run stops. */
export function watch(id, onFrame, onEnd) {
  const es = new EventSource(`/api/runs/${id}/live?every=30`);
  es.addEventListener('frame', e => onFrame(JSON.parse(e.data)));
  es.addEventListener('end', e => { es.close(); onEnd(JSON.parse(e.data)); });
  // the server could not build a frame: the run's state says why
  es.addEventListener('failed', e => { es.close(); const f = JSON.parse(e.data); onEnd({ status: 'failed', error: f.error }); });
  es.onerror = () => { if (es.readyState === EventSource.CLOSED) onEnd(null); };
  return () => es.close();
}
