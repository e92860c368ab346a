// The whole experiment lives in the address bar (after #), so a link reproduces it — seeds included.
// Classroom mode: &hide=data,network,training hides those panels.

// The training settings — keys, defaults, ranges, descriptions — are the server's one table
// (GET /api/schema, the same that makes the CLI's flags and the run file); the page adds none.
export const SCHEMA = await fetch('/api/schema').then(r => r.json());
export const FIELDS = SCHEMA.fields;
const field = k => FIELDS.find(f => f.key === k);
/** Settings the page edits in s.train (hidden widths and activations have their own layer editor). */
const TRAIN = FIELDS.filter(f => f.key !== 'hidden' && f.key !== 'activations');
// URL names: the schema key, except where the data panel owns the name (seed) and for links made before
const URL_KEY = { seed: 'tseed', optimizer: 'opt', schedule: 'sched', precision: 'prec' };
const urlKey = f => URL_KEY[f.key] || f.key;

export const DEFAULTS = Object.freeze({
  data: 'disk-annulus', points: 250, noise: 0, seed: 1, test: 0.2,
  hidden: field('hidden').default, acts: field('activations').default.slice(0, field('hidden').default.length),
  train: Object.fromEntries(TRAIN.map(f => [f.key, f.default])),
  speed: 60, params: {}, added: [], removed: [], upload: null, hide: [], edits: [],
});

/** A setting's value from URL text: numbers as numbers (none as null), names as they are. */
function parseValue(f, text) {
  if (f.kind === 'choice') return text;
  if (text === '' || text === 'none') return f.none ? null : f.default;
  return Number.isFinite(+text) ? +text : f.default;
}

export function fromUrl(hash = location.hash) {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const s = structuredClone(DEFAULTS);
  const num = (k, d) => (q.has(k) && q.get(k) !== '' && Number.isFinite(+q.get(k)) ? +q.get(k) : d);
  s.data = q.get('data') || s.data;
  s.points = num('points', s.points);
  s.noise = num('noise', s.noise);
  s.seed = Math.trunc(num('seed', s.seed));
  s.test = num('test', s.test);
  if (q.has('hidden')) s.hidden = q.get('hidden') === '' ? [] : q.get('hidden').split(',').map(Number).filter(w => w >= 1);
  s.acts = q.has('act') ? q.get('act').split(',') : s.hidden.map(() => field('activations').default[0]);
  while (s.acts.length < s.hidden.length) s.acts.push(s.acts[s.acts.length - 1] || field('activations').default[0]);
  s.acts = s.acts.slice(0, s.hidden.length);
  for (const f of TRAIN) if (q.has(urlKey(f))) s.train[f.key] = parseValue(f, q.get(urlKey(f)));
  s.speed = num('speed', s.speed);
  for (const [k, v] of q) if (k.startsWith('p.')) s.params[k.slice(2)] = +v;
  if (q.has('added')) s.added = q.get('added').split(';').filter(Boolean).map(r => r.split(':').map(Number));
  if (q.has('removed')) s.removed = q.get('removed').split(';').filter(Boolean).map(r => r.split(':').map(Number));
  // weights set by hand at a pause: epoch:layer:row:col:value (col −1 the bias), made again on reload
  if (q.has('edits')) s.edits = q.get('edits').split(';').filter(Boolean).map(r => r.split(':').map(Number)).filter(r => r.length === 5 && r.every(Number.isFinite));
  s.upload = q.get('upload') || null;
  s.hide = q.has('hide') ? q.get('hide').split(',').filter(Boolean) : [];
  return s;
}

export function toUrl(s) {
  const q = new URLSearchParams();
  const put = (k, v) => { if (JSON.stringify(v) !== JSON.stringify(DEFAULTS[k])) q.set(k, v); };
  put('data', s.data); put('points', s.points); put('noise', s.noise); put('seed', s.seed); put('test', s.test);
  q.set('hidden', s.hidden.join(','));
  q.set('act', s.acts.join(','));
  for (const f of TRAIN) {
    if (JSON.stringify(s.train[f.key]) !== JSON.stringify(f.default)) q.set(urlKey(f), s.train[f.key] ?? 'none');
  }
  put('speed', s.speed);
  for (const [k, v] of Object.entries(s.params)) q.set('p.' + k, v);
  if (s.added.length) q.set('added', s.added.map(r => r.map(v => +(+v).toFixed(3)).join(':')).join(';'));
  if (s.removed.length) q.set('removed', s.removed.map(r => r.map(v => +(+v).toFixed(3)).join(':')).join(';'));
  if (s.edits.length) q.set('edits', s.edits.map(r => r.join(':')).join(';'));
  if (s.upload) q.set('upload', s.upload);
  if (s.hide.length) q.set('hide', s.hide.join(','));
  return '#' + q.toString();
}

export function save(s) {
  history.replaceState(null, '', toUrl(s));
}

/**
 * Removes the point at these input coordinates: a hand-added one from `added`, any other by
 * noting where it was in `removed` (the server drops the data set's point nearest to it).
 */
export function removePoint(s, coords) {
  const near = r => coords.every((v, j) => Math.abs(r[j] - v) < 2e-3);
  const i = s.added.findIndex(near);
  if (i >= 0) s.added.splice(i, 1);
  else s.removed.push(coords.map(v => +v.toFixed(3)));
}

/** Each data set's parameter names (GET /api/datasets): digits and words take none, mnist its image counts. */
const PARAMS = new Map();
export function knowDatasets(datasets) {
  for (const d of datasets) PARAMS.set(d.name, new Set(d.params.map(p => p.name)));
}

/** The data set's own parameters of this state: points and noise only where the data set has them. */
function dataParams(s) {
  const all = { points: s.points, noise: s.noise, ...s.params };
  const known = !s.upload && PARAMS.get(s.data);
  return known ? Object.fromEntries(Object.entries(all).filter(([k]) => known.has(k))) : all;
}

/** The server's run request (docs/lab.md) for this state: every setting under its schema key and group. */
export function request(s, session) {
  const network = { hidden: s.hidden, activations: s.acts };
  const train = {};
  for (const f of TRAIN) (f.group === 'network' ? network : train)[f.key] = s.train[f.key];
  return {
    session,
    data: {
      name: s.data, upload: s.upload, seed: s.seed, test_share: s.test,
      params: dataParams(s), added: s.added, removed: s.removed,
    },
    network,
    train,
    speed: s.speed,
    edits: s.edits,
  };
}
