// The live stream off the page's thread (a module worker): it receives every update (~30 a
// second), keeps only the newest and, when the page asks (once per painted frame), parses and
// decodes that one and hands over its arrays. Receiving and parsing ~40 KB of JSON per update
// on the page's own thread took more of it than the drawing did (docs/benchmarks.md, Lab).
import { decodeLive, unpackBytes } from './decode.js';

let es = null, newest = null, wanted = true, received = 0, input = null, inputSent = false, labels = null, rows = [];

/** The newest update, decoded, to the page — the arrays transferred, not copied. */
function send() {
  if (!wanted || newest === null) return;
  const f = JSON.parse(newest);
  newest = null;
  wanted = false;
  if (f.last) rows.push(f.last);
  const out = { type: 'frame', received, status: { ...f, trace: undefined, labels: undefined, test: undefined }, rows };
  rows = [];
  const moved = [];
  if (f.trace) {
    const t = f.trace;
    const decoded = decodeLive(t, input);
    const stages = decoded.map((s, i) => {
      if (!t.stages[i].unchanged && s.index === 0) { input = s; inputSent = false; }
      if (s === input) {
        // the input stage never changes during a run: it goes over once, then "unchanged"
        if (inputSent) return { index: s.index, unchanged: true };
        inputSent = true;
        return slim({ ...s, pts: s.pts.slice(), grid: s.grid.slice(), fieldPts: s.fieldPts.slice() });
      }
      const d = slim(s);
      moved.push(d.pts.buffer, d.grid.buffer, d.fieldPts.buffer);
      return d;
    });
    out.trace = { ...t, stages, field_classes: undefined, field_confidence: undefined,
      fieldClasses: unpackBytes(t.field_classes), fieldConf: unpackBytes(t.field_confidence) };
    moved.push(out.trace.fieldClasses.buffer, out.trace.fieldConf.buffer);
  }
  if (labels) { Object.assign(out, labels); labels = null; }
  postMessage(out, moved);
}

/** A decoded stage without its base64 text (the page needs only the arrays; `grid` is already decoded). */
function slim(s) {
  const { points, field, ...rest } = s;
  return rest;
}

/** The first update: its labels (and which points are test points) are sent with the next frame, whatever frame that is. */
function firstUpdate(text) {
  const f = JSON.parse(text);
  if (!f.labels) return false;
  labels = { labels: unpackBytes(f.labels), test: f.test ? unpackBytes(f.test) : null };
  return true;
}

let needLabels = true;
onmessage = e => {
  const m = e.data;
  if (m.type === 'watch') {
    es = new EventSource(m.url);
    es.addEventListener('frame', ev => {
      received++;
      if (needLabels && firstUpdate(ev.data)) needLabels = false;
      newest = ev.data;
      send();
    });
    es.addEventListener('end', ev => { es.close(); send(); postMessage({ type: 'end', end: JSON.parse(ev.data) }); });
    // the server could not build a frame: the run's state says why
    es.addEventListener('failed', ev => { es.close(); postMessage({ type: 'end', end: { status: 'failed', error: JSON.parse(ev.data).error } }); });
    es.onerror = () => { if (es.readyState === EventSource.CLOSED) postMessage({ type: 'end', end: null }); };
  } else if (m.type === 'want') {
    wanted = true;
    send();
  } else if (m.type === 'stop') {
    es?.close();
    close();
  }
};
