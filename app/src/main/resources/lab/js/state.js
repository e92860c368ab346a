// The whole experiment lives in the address bar (after #), so a link reproduces it — seeds included.
// Classroom mode: &hide=data,network,training hides those panels.

export const DEFAULTS = Object.freeze({
  data: 'disk-annulus', points: 250, noise: 0, seed: 1, test: 0.2,
  hidden: [3], acts: ['tanh'], init: 'glorot', loss: 'softmax-ce', opt: 'adam', lr: 0.03,
  sched: 'constant', batch: 0, l1: 0, l2: 0, epochs: 1000, tseed: 1, speed: 60, prec: 'float64',
  params: {}, added: [], removed: [], upload: null, hide: [],
});

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
  s.acts = q.has('act') ? q.get('act').split(',') : s.hidden.map(() => 'tanh');
  while (s.acts.length < s.hidden.length) s.acts.push(s.acts[s.acts.length - 1] || 'tanh');
  s.acts = s.acts.slice(0, s.hidden.length);
  for (const k of ['init', 'loss', 'opt', 'sched', 'prec']) if (q.has(k)) s[k] = q.get(k);
  for (const k of ['lr', 'batch', 'l1', 'l2', 'epochs', 'tseed', 'speed']) s[k] = num(k, s[k]);
  for (const [k, v] of q) if (k.startsWith('p.')) s.params[k.slice(2)] = +v;
  if (q.has('added')) s.added = q.get('added').split(';').filter(Boolean).map(r => r.split(':').map(Number));
  if (q.has('removed')) s.removed = q.get('removed').split(';').filter(Boolean).map(r => r.split(':').map(Number));
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
  for (const k of ['init', 'loss', 'opt', 'sched', 'prec', 'lr', 'batch', 'l1', 'l2', 'epochs', 'tseed', 'speed']) put(k, s[k]);
  for (const [k, v] of Object.entries(s.params)) q.set('p.' + k, v);
  if (s.added.length) q.set('added', s.added.map(r => r.map(v => +(+v).toFixed(3)).join(':')).join(';'));
  if (s.removed.length) q.set('removed', s.removed.map(r => r.map(v => +(+v).toFixed(3)).join(':')).join(';'));
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

/** The server's run request (docs/lab.md) for this state. */
export function request(s, session) {
  return {
    session,
    data: {
      name: s.data, upload: s.upload, seed: s.seed, test_share: s.test,
      params: { points: s.points, noise: s.noise, ...s.params }, added: s.added, removed: s.removed,
    },
    network: { hidden: s.hidden, activations: s.acts, init: s.init },
    train: { loss: s.loss, optimizer: s.opt, lr: s.lr, schedule: s.sched, batch: s.batch, l1: s.l1, l2: s.l2, epochs: s.epochs, seed: s.tseed, precision: s.prec },
    speed: s.speed,
  };
}
