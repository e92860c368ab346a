// The left column: data, network, training. Every change edits the state (and so the URL);
// the page restarts the run. Classroom mode (&hide=…) hides whole fieldsets.
import { FIELDS, SCHEMA } from './state.js';

const ACTS = FIELDS.find(f => f.key === 'activations').choices;
// The training panel is drawn from the schema: these come first, every other setting (a new one
// too) under "more settings". Only the page's wording of a few names lives here.
const FIRST = ['loss', 'optimizer', 'lr', 'schedule', 'batch', 'l1', 'l2', 'epochs', 'seed', 'precision'];
const LABELS = { lr: 'learning rate', optimizer: 'optimiser', seed: 'weight seed', precision: 'arithmetic', init: 'initialiser', batch: 'batch (0 = all)' };
const label = f => LABELS[f.key] || f.key.replace(/_/g, ' ');
const limit = (f, end) => SCHEMA.lab_limits?.[f.key]?.[end === 'min' ? 0 : 1] ?? f[end] ?? '';
const esc = s => String(s).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const sel = (id, opts, v) => `<select id="${id}">${opts.map(o => `<option ${o === v ? 'selected' : ''}>${o}</option>`).join('')}</select>`;
const num = (id, v, step = 'any', min = '', max = '') => `<input id="${id}" type="number" value="${v}" step="${step}" min="${min}" max="${max}">`;
/** The active layers spec, or null when the hidden widths and activations above build the network. */
export const layersSpec = s => (s.train.layers && String(s.train.layers).trim() !== 'none' ? String(s.train.layers).trim() : null);

/**
 * The layers field: typed, with the schema's examples offered (the server reads it with the CLI's
 * own parser, LayerSpecs; a bad spec comes back as a 400 naming network.layers, shown under it).
 */
function layersControl(f, v) {
  return `<label title="${esc(f.description)}"><span>layers</span><input id="tr-layers" type="text" list="layers-choices"
      value="${esc(v ?? 'none')}" placeholder="none" spellcheck="false" autocomplete="off" aria-describedby="layers-error"></label>
    <datalist id="layers-choices">${f.choices.map(o => `<option value="${esc(o)}"></option>`).join('')}</datalist>
    <div id="layers-error" class="error" role="alert"></div>
    <p class="movehelp">Blocks in order, e.g. <code>ode:2</code>, <code>ode:3</code> (augmented), <code>coupling,coupling</code>,
      <code>knn:32</code>, <code>ode:2,dense:3:tanh,knn:32</code> (docs/layers.md); <code>none</code> = the layers above. Enter to apply.</p>`;
}

/** One schema setting as a control: a list of named choices or a number box with the table's range. */
function control(f, v) {
  if (f.key === 'layers') return layersControl(f, v);
  const id = 'tr-' + f.key;
  const input = f.kind === 'choice'
    ? sel(id, f.choices.includes(v) ? f.choices : [v, ...f.choices], v)
    : num(id, v ?? '', f.kind === 'integer' ? 1 : 'any', limit(f, 'min'), limit(f, 'max')).replace('<input', `<input placeholder="${esc(f.none || '')}"`);
  return `<label title="${esc(f.description + (f.unit ? ' (' + f.unit + ')' : ''))}"><span>${esc(label(f))}</span>${input}</label>`;
}

const rank = f => (FIRST.includes(f.key) ? FIRST.indexOf(f.key) : FIRST.length);

export function createControls(el, datasets, onChange, onUpload) {
  let state, addClass = 0, uploadInfo = null, runClasses = null;
  // the classes of the data the server built (3 spiral arms, an upload's labels), else the set's names
  const names = ds => runClasses || (state.upload && uploadInfo?.class_names) || ds.classes;

  function render() {
    const ds = datasets.find(d => d.name === state.data) || datasets[0];
    const extra = ds.params.filter(p => !['points', 'noise', 'scale'].includes(p.name));
    const pts = ds.params.find(p => p.name === 'points');
    const layers = state.hidden.map((w, i) => `<div class="layer"><b>${w}</b>
        <span class="pm"><button data-unit="${i}" data-d="-1" aria-label="fewer units">−</button><button data-unit="${i}" data-d="1" aria-label="more units">+</button></span>
        ${sel('act-' + i, ACTS, state.acts[i])}</div>`).join('');
    const spec = layersSpec(state);
    const wide = state.hidden.some(w => w > 16) || state.hidden.length > 6;
    const trainFields = FIELDS.filter(f => f.group === 'train').sort((a, b) => rank(a) - rank(b));
    el.innerHTML = `
    <fieldset id="fs-data" class="${state.hide.includes('data') ? 'hide-in-classroom' : ''}"><legend>Data</legend>
      <label><span>data set</span>${sel('data', datasets.map(d => d.name), state.upload ? '' : state.data)}</label>
      <p class="movehelp">${esc(state.upload ? 'uploaded: ' + (uploadInfo?.name || state.upload) : ds.description)}</p>
      ${pts ? `<label><span>points per class</span>${num('points', state.points, 1, 1, 5000)}</label>` : ''}
      ${ds.params.some(p => p.name === 'noise') ? `<label><span>noise</span>${num('noise', state.noise, 0.01, 0, 10)}</label>` : ''}
      ${extra.map(p => `<label title="${esc(p.description)}"><span>${esc(p.name)}</span>${num('p-' + p.name, state.params[p.name] ?? p.default, p.integer ? 1 : 'any', p.min, p.max)}</label>`).join('')}
      <label><span>test share</span>${num('test', state.test, 0.05, 0, 0.9)}</label>
      <label><span>seed</span>${num('seed', state.seed, 1)}</label>
      <button id="regen">↻ regenerate</button>
      <label><span>click adds class</span><span id="class-buttons">${names(ds).map((c, i) => `<button data-class="${i}" title="${esc(c)}" class="cls-${i % 10}${i === addClass ? ' on' : ''}">${esc(c)}</button>`).join('')}</span></label>
      <p class="movehelp">Shift-click a point (decision map or any stage) to remove it.</p>
      ${state.added.length ? `<button id="clear-added">remove ${state.added.length} added point${state.added.length > 1 ? 's' : ''}</button>` : ''}
      ${state.removed.length ? `<button id="restore-removed">restore ${state.removed.length} removed point${state.removed.length > 1 ? 's' : ''}</button>` : ''}
      <label><span>your data</span><input id="upload" type="file" accept=".csv,.tsv,.txt,.npy,.npz"></label>
      <div id="upload-error" class="error" role="alert"></div>
    </fieldset>
    <fieldset id="fs-network" class="${state.hide.includes('network') ? 'hide-in-classroom' : ''}"><legend>Network ${spec ? `· ${esc(spec)}` : `${ds.dim}-${state.hidden.join('-')}${state.hidden.length ? '-' : ''}${ds.classes.length}`}</legend>
      ${spec ? '<p class="movehelp" id="layers-note">The layers field names the blocks: the widths and activations are not used (set it to none to edit them).</p>'
        : `<div class="layers">${layers}<span class="pm"><button id="add-layer">+ layer</button>${state.hidden.length ? '<button id="drop-layer">− layer</button>' : ''}</span></div>`}
      ${wide && !spec ? '<p class="movehelp">Wide or deep: training and drawing get slower.</p>' : ''}
      ${FIELDS.filter(f => f.group === 'network' && f.kind !== 'list').map(f => control(f, state.train[f.key])).join('')}
    </fieldset>
    <fieldset id="fs-training" class="${state.hide.includes('training') ? 'hide-in-classroom' : ''}"><legend>Training</legend>
      ${trainFields.filter(f => FIRST.includes(f.key)).map(f => control(f, state.train[f.key])).join('')}
      <details><summary>more settings</summary>
      ${trainFields.filter(f => !FIRST.includes(f.key)).map(f => control(f, state.train[f.key])).join('')}
      </details>
    </fieldset>`;
    wire(ds);
  }

  function classButtons() {
    const box = el.querySelector('#class-buttons');
    if (!box) return;
    const ds = datasets.find(d => d.name === state.data) || datasets[0];
    box.innerHTML = names(ds).map((c, i) => `<button data-class="${i}" title="${esc(c)}" class="cls-${i % 10}${i === addClass ? ' on' : ''}">${esc(c)}</button>`).join('');
    box.querySelectorAll('[data-class]').forEach(b => b.addEventListener('click', () => { addClass = +b.dataset.class; classButtons(); }));
  }

  function change(mutate) {
    mutate(state);
    runClasses = null; // the next run says which classes its data has
    render();
    onChange(state);
  }

  function wire(ds) {
    const on = (id, ev, f) => el.querySelector('#' + id)?.addEventListener(ev, f);
    on('data', 'change', e => change(s => { s.data = e.target.value; s.params = {}; s.added = []; s.removed = []; s.upload = null; }));
    for (const k of ['points', 'noise', 'test', 'seed']) {
      on(k, 'change', e => change(s => { s[k] = +e.target.value; }));
    }
    for (const f of FIELDS.filter(f => f.kind !== 'list')) {
      on('tr-' + f.key, 'change', e => change(s => {
        const v = e.target.value;
        s.train[f.key] = f.key === 'layers' ? v.trim() || 'none' : f.kind === 'choice' ? v : v === '' ? (f.none ? null : f.default) : +v;
      }));
    }
    for (const p of ds.params) on('p-' + p.name, 'change', e => change(s => { s.params[p.name] = +e.target.value; }));
    on('regen', 'click', () => change(s => { s.seed += 1; }));
    on('add-layer', 'click', () => change(s => { s.hidden.push(s.hidden[s.hidden.length - 1] || 3); s.acts.push(s.acts[s.acts.length - 1] || ACTS[0]); }));
    on('drop-layer', 'click', () => change(s => { s.hidden.pop(); s.acts.pop(); }));
    on('clear-added', 'click', () => change(s => { s.added = []; }));
    on('restore-removed', 'click', () => change(s => { s.removed = []; }));
    el.querySelectorAll('[data-unit]').forEach(b => b.addEventListener('click', () => change(s => {
      const i = +b.dataset.unit;
      s.hidden[i] = Math.max(1, Math.min(SCHEMA.lab_limits?.hidden?.[1] ?? 64, s.hidden[i] + +b.dataset.d));
    })));
    state.hidden.forEach((_, i) => on('act-' + i, 'change', e => change(s => { s.acts[i] = e.target.value; })));
    classButtons();
    on('upload', 'change', async e => {
      const f = e.target.files[0];
      if (!f) return;
      const box = el.querySelector('#upload-error');
      box.textContent = '';
      try {
        uploadInfo = await onUpload(f);
        change(s => { s.upload = uploadInfo.upload; s.added = []; s.removed = []; });
      } catch (err) {
        box.textContent = err.message;
      }
    });
  }

  return {
    set(s) { state = s; runClasses = null; document.body.classList.toggle('classroom', s.hide.length > 0); render(); },
    /** The class names of the data the run trains on: the buttons and the legend follow them. */
    setClasses(list) {
      runClasses = list.slice();
      if (addClass >= list.length) addClass = 0;
      classButtons(); // only the buttons: a whole redraw would drop a file being chosen and its error
    },
    addClass: () => addClass,
    /**
     * Shows a refused request's message next to its field (the layers field), or clears it.
     * @returns whether the field is one of these controls
     */
    fieldError(field, message) {
      const mine = field === 'network.layers';
      const box = el.querySelector('#layers-error');
      if (box) box.textContent = mine ? message : '';
      el.querySelector('#tr-layers')?.setAttribute('aria-invalid', String(mine));
      return mine;
    },
  };
}
