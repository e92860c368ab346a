// Wires the page: state ↔ URL, controls → a run, live frames → sheets, 3-D view, heat map, curves.
// Live updates arrive ~30 times a second; the page keeps only the newest and paints once per
// animation frame, and only what changed (docs/lab.md, "Painting").
import { api, watch } from './api.js';
import { fromUrl, save, request, removePoint, knowDatasets } from './state.js';
import { drawSheet, nearestPoint } from './sheet.js';
import { createScene } from './scene3d.js';
import { createHeatmap } from './heatmap.js';
import { createCurves } from './curves.js';
import { createScrubber } from './scrubber.js';
import { createTopology, showRewinds } from './topology.js';
import { createControls } from './controls.js';
import { createRunbar } from './runbar.js';
import { createWeights } from './weights.js';
import { drawPrototypes, blockCaption } from './blocks.js';

const session = 'p' + Math.random().toString(36).slice(2, 10);
let state = fromUrl();
const ctx = { runId: null, inputStage: null, labels: null, fieldClasses: null, fieldConf: null, traced: -1, classNames: [], dim: 0,
  frames: 0, painted: 0, stageNames: [], unit: null, generation: 0 };
let live = { stop() {}, want() {} };
let sheets = [];
let lastTrace = null;
// what the next painted frame must draw: the newest trace (undecoded), the newest status, curve rows
const pending = { frame: null, trace: null, status: null, rows: [], sheets: false, scheduled: false };

const $ = id => document.getElementById(id);
const scene = createScene($('view3d'));
const heat = createHeatmap($('heatmap'), (x, y) => {
  state.added.push([+x.toFixed(3), +y.toFixed(3), controls.addClass()]);
  controls.set(state);
  restart();
}, p => removeLivePoint(p));

/** Removes live point p (its input coordinates go into the state) and retrains. */
function removeLivePoint(p) {
  const input = lastTrace?.decoded[0];
  if (!input || p < 0 || p >= input.n) return;
  removePoint(state, Array.from(input.pts.subarray(p * input.k, (p + 1) * input.k)));
  controls.set(state);
  restart();
}
const curves = createCurves($('curves'));
const scrubber = createScrubber($('scrubber'), () => ctx);
let explaining = 0;
const topology = createTopology($('topology'), {
  explain: async () => {
    if (!ctx.runId) return;
    const run = ctx.runId, mine = ++explaining;
    topology.busy('Measuring every stage (Betti numbers, separability, certificate)…');
    try {
      // queued on the server like a run: ask again until it is measured, showing where it is
      for (;;) {
        const r = await api.explainRun(run, 1);
        if (mine !== explaining || run !== ctx.runId) return;
        if (!r.status) { topology.after(r, ctx.classNames); return; }
        topology.busy(r.status === 'queued'
          ? `Queued behind ${r.ahead} other explanation${r.ahead === 1 ? '' : 's'}…`
          : `Measuring every stage of epoch ${r.epoch} (${r.points} points: Betti numbers, separability, certificate) · ${Math.round(r.seconds)} s`);
      }
    } catch (e) { if (mine === explaining) topology.error(e.message); }
  },
  barcodes: (stage, cls) => ctx.runId && api.barcodes(ctx.runId, stage, cls),
  barcodePng: stage => runbar.download(ctx.runId && api.figureUrl(ctx.runId, 'barcode', 'png', stage), `knead-barcode-${stage}.png`),
  narrow: () => { state.hidden = [2]; state.acts = ['tanh']; controls.set(state); restart(); },
  widen: () => { state.hidden = state.hidden.map(w => Math.max(3, w)); controls.set(state); restart(); },
});

const weights = createWeights($('weights'), {
  edit: async (l, r, c, v) => {
    await api.editWeight(ctx.runId, l, r, c, v);
    ctx.edited = true; // play or step now trains on from these weights
    // the URL keeps the edits of this run's pause (a reload trains to it and makes them again);
    // a run from edited weights cannot be told in the URL: its edits stay in its run.json only
    if (!ctx.fromRun) {
      state.edits.push([ctx.epoch ?? 0, l, r, c, v]);
      save(state);
    }
    scrubber.refresh();
  },
  error: text => runbar.error(text),
});

/** Play or step after an edit: a new run of this page from the edited weights. */
async function fromEdited(then) {
  const req = { ...request(state, session), from: ctx.runId, edits: null };
  await restart(req);
  if (then && ctx.runId) await then(ctx.runId);
}

/** After a pause or a step: the scrubber gets this run's moves and snapshots so far, the weights panel its weights. */
async function scrubberNow() {
  const run = ctx.runId;
  if (!run) return;
  api.weights(run).then(w => run === ctx.runId && weights.show(w)).catch(() => {});
  try {
    const r = await api.run(run);
    const tr = await api.trace(run);
    if (run !== ctx.runId) return;
    scrubber.setSnapshots(r.snapshot_epochs);
    scrubber.setStages(tr.stage_names);
    scrubber.refresh();
  } catch (e) { runbar.error(e.message); }
}
const runbar = createRunbar($('runbar'), {
  // the server's answer is shown at once: a paused run sends no more updates to say so
  // the picture stops at the click; the server's answer (and the epoch it stopped at) follows
  pause: () => {
    if (!ctx.runId) return;
    ctx.frozen = true;
    document.body.dataset.pausedAt = String(performance.now());
    return api.control(ctx.runId, { action: 'pause' }).then(r => {
      ctx.frozen = false; ctx.epoch = r.epoch; ctx.pausedAt = r.epoch; runbar.status(r); schedule(); return scrubberNow();
    });
  },
  play: () => {
    ctx.frozen = false; ctx.pausedAt = null;
    if (ctx.edited) return fromEdited();
    weights.reset(); // training moves them again: shown at the next pause
    return ctx.runId && api.control(ctx.runId, { action: 'resume' });
  },
  step: () => {
    ctx.pausedAt = null;
    if (ctx.edited) return fromEdited(run => api.control(run, { action: 'step', epochs: 1 }));
    return ctx.runId && api.control(ctx.runId, { action: 'step', epochs: 1 }).then(() => setTimeout(scrubberNow, 150));
  },
  reset: () => restart(),
  speed: s => { state.speed = s; save(state); ctx.runId && api.control(ctx.runId, { action: 'speed', speed: s }); },
  exportUrl: () => ctx.runId && api.exportUrl(ctx.runId),
  figureUrl: (kind, format) => ctx.runId && api.figureUrl(ctx.runId, kind, format, kind === 'stage' ? ctx.chosenStage : null),
  animationUrl: () => ctx.runId && api.animationUrl(ctx.runId),
});
let controls;

function buildSheets(stages) {
  const box = $('sheets');
  box.innerHTML = '';
  sheets = stages.map(() => {
    const div = document.createElement('div');
    div.className = 'sheet';
    div.innerHTML = `<canvas></canvas><div class="cap"></div><div class="units"></div>`;
    box.append(div);
    const canvas = div.querySelector('canvas');
    const sheet = { canvas, cap: div.querySelector('.cap'), units: div.querySelector('.units'), map: null, stage: null, unitsFor: null };
    canvas.addEventListener('click', e => {
      if (!sheet.stage || !sheet.map) return;
      const r = canvas.getBoundingClientRect();
      const p = nearestPoint(sheet.stage, sheet.map, e.clientX - r.left, e.clientY - r.top);
      if ((e.shiftKey || e.altKey) && p >= 0) { removeLivePoint(p); return; }
      ctx.traced = p === ctx.traced ? -1 : p;
      ctx.chosenStage = sheet.stage.index; // the stage the 'one stage' figure and the barcodes show
      paintAll();
    });
    canvas.addEventListener('mousemove', e => {
      if (!sheet.stage || !sheet.map || ctx.dim <= 3) return;
      const r = canvas.getBoundingClientRect();
      pointer(nearestPoint(sheet.stage, sheet.map, e.clientX - r.left, e.clientY - r.top), e.clientX, e.clientY);
    });
    canvas.addEventListener('mouseleave', () => pointer(-1));
    sheet.units.addEventListener('click', e => {
      const b = e.target.closest('[data-unit]');
      if (!b) return;
      const u = { stage: sheet.stage.index, unit: +b.dataset.unit };
      ctx.unit = ctx.unit && ctx.unit.stage === u.stage && ctx.unit.unit === u.unit ? null : u;
      paintAll();
    });
    return sheet;
  });
}

/**
 * The picture of the point under the pointer, for wide data: an image's own pixels (8 × 8 digits,
 * 28 × 28 MNIST), asked of the server once per point and kept for the run.
 */
const pictures = new Map();
async function pointer(p, x, y) {
  const box = $('pointer-picture');
  if (p < 0 || !ctx.runId) { box.hidden = true; return; }
  const run = ctx.runId, key = run + ':' + p;
  box.style.left = (x + 14) + 'px'; box.style.top = (y + 14) + 'px';
  box.dataset.point = String(p);
  if (!pictures.has(key)) pictures.set(key, api.point(run, p).catch(() => null));
  const pt = await pictures.get(key);
  if (!pt || box.dataset.point !== String(p) || run !== ctx.runId) return;
  const canvas = box.querySelector('canvas'), cap = box.querySelector('div');
  cap.textContent = (pt.word ? `“${pt.word}” · ` : `point ${p} · `) + (ctx.classNames[pt.label] ?? pt.label);
  if (pt.image) {
    const { width: w, height: h } = pt.image;
    canvas.width = w; canvas.height = h; canvas.style.display = 'block';
    const g = canvas.getContext('2d'), img = g.createImageData(w, h);
    for (let i = 0; i < w * h; i++) {
      const v = 255 - Math.round(255 * Math.max(0, Math.min(1, pt.values[i]))); // ink dark on white
      img.data.set([v, v, v, 255], 4 * i);
    }
    g.putImageData(img, 0, 0);
  } else {
    canvas.style.display = 'none';
  }
  box.hidden = false;
}

/** The unit buttons under a hidden stage whose coordinates are its units (not principal axes). */
function unitButtons(sh, st) {
  const key = `${st.index}:${ctx.unit?.stage}:${ctx.unit?.unit}`;
  if (sh.unitsFor === key) return;
  sh.unitsFor = key;
  const hidden = st.kind === 'bend' && !st.pca;
  sh.units.innerHTML = hidden ? 'unit ' + Array.from({ length: st.k }, (_, j) =>
    `<button data-unit="${j}" class="${ctx.unit && ctx.unit.stage === st.index && ctx.unit.unit === j ? 'on' : ''}"
      title="this unit's value over the input plane, in the decision map">${j + 1}</button>`).join('') : '';
}

/** Sets an element's text only when it differs: the same text set again is shaped and laid out again. */
function text(el, t) {
  if (el.textContent !== t) el.textContent = t;
}

function paintAll() { pending.sheets = true; schedule(); }

function schedule() {
  if (pending.scheduled) return;
  pending.scheduled = true;
  requestAnimationFrame(paint);
}

/** One painted frame: the newest update only, however many arrived since the last one. */
function paint() {
  pending.scheduled = false;
  if (ctx.frozen) return; // paused by the person: the next paint waits for the server's answer
  if (pending.frame && ctx.pausedAt != null && pending.frame.status.status === 'running' && pending.frame.status.epoch <= ctx.pausedAt) {
    // sent before the pause, arrived after it: it would say "running" again under a paused run
    pending.frame = null;
    live.want();
  }
  if (pending.frame) {
    const f = pending.frame;
    pending.frame = null;
    live.want(); // the worker decodes the newest update while this one is drawn
    document.body.dataset.epoch = String(f.status.epoch);
    ctx.epoch = f.status.epoch;
    // paused by the server (a reloaded page's edits made again at their pause): as if paused here
    if (f.status.status === 'paused' && ctx.lastStatus !== 'paused' && ctx.replaying) { ctx.replaying = false; scrubberNow(); }
    ctx.lastStatus = f.status.status;
    pending.status = f.status;
    pending.rows.push(...f.rows);
    if (f.trace) pending.trace = f.trace;
  }
  if (pending.status) { runbar.status(pending.status); showRewinds($('alert'), pending.status.rewinds); pending.status = null; }
  if (pending.rows.length) { curves.addAll(pending.rows); pending.rows = []; }
  if (pending.trace) {
    const t = pending.trace;
    pending.trace = null;
    ctx.fieldClasses = t.fieldClasses;
    ctx.fieldConf = t.fieldConf;
    // the input stage comes once; later updates say it is unchanged
    t.decoded = t.stages.map(s => (s.unchanged ? ctx.inputStage : s));
    ctx.inputStage = t.decoded[0];
    if (sheets.length !== t.decoded.length) buildSheets(t.decoded);
    if (!ctx.choicesSet) {
      topology.choices(t.decoded.map(s => ({ index: s.index, name: s.name })), ctx.classNames);
      ctx.choicesSet = true;
    }
    lastTrace = t;
    pending.sheets = true;
  }
  if (pending.sheets && lastTrace && ctx.labels) {
    pending.sheets = false;
    redraw();
    ctx.painted++;
    document.body.dataset.painted = String(ctx.painted);
  }
}

function redraw() {
  const t = lastTrace;
  t.decoded.forEach((st, i) => {
    const sh = sheets[i];
    sh.stage = st;
    sh.map = drawSheet(sh.canvas, st, {
      labels: ctx.labels, fieldClasses: ctx.fieldClasses, fieldConf: ctx.fieldConf,
      cut: st.index === t.cut_stage ? t.cut : null, trace: ctx.traced, test: testShown(),
    });
    drawPrototypes(sh.canvas, sh.map, st, t.blocks); // blocks.js: a k-NN block's prototypes, where it reads
    const shape = st.pca ? `${st.dim}-D, top 3 principal axes` : `${st.dim}-D`;
    text(sh.cap, `${st.name} · ${shape}` + (ctx.traced >= 0 && st.n > ctx.traced ? ' · ◯ traced point' : '') + blockCaption(st, t.blocks));
    unitButtons(sh, st);
  });
  const three = t.decoded.find(s => s.index === t.cut_stage && s.k === 3) || t.decoded.find(s => s.k === 3);
  const views = document.querySelector('.views');
  if (views.classList.contains('lifted') !== !!three) views.classList.toggle('lifted', !!three);
  if (three) {
    scene.show(three, ctx.labels, three.index === t.cut_stage ? t.cut : null, testShown());
    text($('view3d-caption'), `3-D: ${three.name}` + (three.index === t.cut_stage && t.cut ? ' — the translucent plane is the output layer’s cut' : '')
      + ' · drag to orbit, scroll to zoom');
  } else {
    scene.clear('Every stage is 2-D or less: nothing to lift. Give a hidden layer 3 units to see the data lifted into 3-D and cut by a plane.');
    text($('view3d-caption'), '3-D view');
  }
  const unitStage = ctx.unit && t.decoded.find(s => s.index === ctx.unit.stage);
  heat.draw(t, t.decoded[0], ctx.labels, unitStage ? { stage: unitStage, unit: ctx.unit.unit } : null, testShown());
}

/** One update, decoded by the worker: kept until the next paint (the worker sends the next only when asked). */
function onFrame(run, f) {
  if (run !== ctx.runId) return; // a late update of the run before
  ctx.frames = f.received;
  document.body.dataset.frames = String(ctx.frames);
  if (f.labels) { ctx.labels = f.labels; ctx.test = f.test; }
  pending.frame = f;
  schedule();
}

async function onEnd(run, end) {
  if (run !== ctx.runId) return;
  if (end && end.status === 'failed') { runbar.error(end.error); return; }
  try {
    const r = await api.run(run);
    if (run !== ctx.runId) return;
    runbar.status(r);
    curves.set(r.history);
    scrubber.setSnapshots(r.snapshot_epochs);
    const tr = await api.trace(run);
    if (run !== ctx.runId) return;
    scrubber.setStages(tr.stage_names);
    scrubber.refresh();
    document.body.dataset.done = 'true';
    api.weights(run).then(w => run === ctx.runId && weights.show(w)).catch(() => {});
  } catch (e) { runbar.error(e.message); }
}

/** Test points as the page shows them: {mask, show} (drawn as rings, or hidden), or null before the labels came. */
function testShown() {
  return ctx.test ? { mask: ctx.test, show: $('show-test')?.checked ?? true } : null;
}

/** The class legend: the run's own classes (3 spiral arms, an upload's labels), and the test points' switch. */
function legend(names) {
  const show = $('show-test')?.checked ?? true;
  $('legend').innerHTML = names.map((c, i) => `<span><span class="swatch cls-${i % 10}"></span>${c.replace(/[&<>"]/g, '')}</span>`).join('')
    + `<label class="inline"><input type="checkbox" id="show-test" ${show ? 'checked' : ''}> test points (rings)</label>`;
  $('show-test').addEventListener('change', paintAll);
}

/**
 * @param edited a run request starting from the page's edited weights, or undefined for a fresh run
 * @param keep the URL's edits are made again (the page was loaded with them); any other new run forgets them
 */
async function restart(edited, keep) {
  if (!edited && !keep) state.edits = [];
  save(state);
  live.stop();
  live = { stop() {}, want() {} };
  ctx.runId = null;
  curves.reset();
  scrubber.reset();
  topology.reset();
  heat.reset();
  explaining++;
  ctx.frozen = false; ctx.edited = false; ctx.dim = 0; ctx.pausedAt = null;
  weights.reset();
  ctx.traced = -1; ctx.frames = 0; ctx.painted = 0; ctx.inputStage = null; ctx.labels = null; ctx.choicesSet = false; ctx.unit = null;
  pending.trace = null; pending.status = null; pending.rows = []; pending.frame = null;
  lastTrace = null;
  sheets = [];
  $('sheets').innerHTML = '';
  delete document.body.dataset.done;
  document.body.dataset.painted = '0';
  document.body.dataset.frames = '0';
  const req = request(state, session);
  const generation = ++ctx.generation;
  const before = api.explainBefore(req);
  before.catch(() => {}); // a refused request (a bad layers spec) is shown below, not left unhandled while the run is asked for
  try {
    runbar.starting();
    const r = await api.start(edited || req);
    ctx.runId = r.run;
    ctx.fromRun = !!edited;
    // the URL's edits: the server trains to their pause, makes them and pauses; play trains on from them
    ctx.edited = !edited && state.edits.length > 0;
    ctx.replaying = !edited && state.edits.length > 0;
    document.body.dataset.run = r.run;
    ctx.classNames = r.class_names;
    ctx.dim = r.dim;
    controls.setClasses(r.class_names);
    legend(r.class_names);
    document.body.dataset.dim = String(r.dim);
    runbar.status(r);
    runbar.error('');
    controls.fieldError(null);
    live = watch(r.run, f => onFrame(r.run, f), e => onEnd(r.run, e));
  } catch (e) {
    runbar.error(`${e.field ? e.field + ': ' : ''}${e.message}`);
    controls.fieldError(e.field, e.message); // the layers field shows its own error beside it
  }
  // only the newest change's verdict: an earlier one answering late must not replace it
  before.then(v => generation === ctx.generation && topology.before(v, state, ctx.dim))
    .catch(e => generation === ctx.generation && topology.beforeError(e.message));
}

async function boot() {
  const datasets = await api.datasets();
  knowDatasets(datasets);
  controls = createControls($('controls'), datasets, s => { state = s; restart(); }, f => api.upload(f));
  controls.set(state);
  runbar.setSpeed(state.speed);
  restart(undefined, true);
}
boot();
