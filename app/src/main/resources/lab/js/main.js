// Wires the page: state ↔ URL, controls → a run, live frames → sheets, 3-D view, heat map, curves.
import { api, watch } from './api.js';
import { fromUrl, save, request, removePoint } from './state.js';
import { decodeLive, unpackBytes } from './decode.js';
import { drawSheet, nearestPoint } from './sheet.js';
import { createScene } from './scene3d.js';
import { createHeatmap } from './heatmap.js';
import { createCurves } from './curves.js';
import { createScrubber } from './scrubber.js';
import { createTopology, showRewinds } from './topology.js';
import { createControls } from './controls.js';
import { createRunbar } from './runbar.js';

const session = 'p' + Math.random().toString(36).slice(2, 10);
let state = fromUrl();
const ctx = { runId: null, inputStage: null, labels: null, fieldClasses: null, fieldConf: null, traced: -1, classNames: [], frames: 0, stageNames: [] };
let stop = () => {};
let sheets = [];
let lastTrace = null;

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
const topology = createTopology($('topology'), {
  explain: async () => {
    if (!ctx.runId) return;
    topology.busy('Measuring every stage (Betti numbers, separability, certificate)…');
    try { topology.after(await api.explainRun(ctx.runId), ctx.classNames); } catch (e) { topology.error(e.message); }
  },
  barcodes: (stage, cls) => ctx.runId && api.barcodes(ctx.runId, stage, cls),
  barcodePng: stage => runbar.download(ctx.runId && api.figureUrl(ctx.runId, 'barcode', 'png', stage), `knead-barcode-${stage}.png`),
  narrow: () => { state.hidden = [2]; state.acts = ['tanh']; controls.set(state); restart(); },
  widen: () => { state.hidden = state.hidden.map(w => Math.max(3, w)); controls.set(state); restart(); },
});
const runbar = createRunbar($('runbar'), {
  play: () => ctx.runId && api.control(ctx.runId, { action: 'resume' }),
  pause: () => ctx.runId && api.control(ctx.runId, { action: 'pause' }).then(() => scrubber.refresh()),
  step: () => ctx.runId && api.control(ctx.runId, { action: 'step', epochs: 1 }),
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
  sheets = stages.map((s, i) => {
    const div = document.createElement('div');
    div.className = 'sheet';
    div.innerHTML = `<canvas></canvas><div class="cap"></div>`;
    box.append(div);
    const canvas = div.querySelector('canvas');
    const sheet = { canvas, cap: div.querySelector('.cap'), map: null, stage: null };
    canvas.addEventListener('click', e => {
      if (!sheet.stage || !sheet.map) return;
      const r = canvas.getBoundingClientRect();
      const p = nearestPoint(sheet.stage, sheet.map, e.clientX - r.left, e.clientY - r.top);
      if ((e.shiftKey || e.altKey) && p >= 0) { removeLivePoint(p); return; }
      ctx.traced = p === ctx.traced ? -1 : p;
      ctx.chosenStage = sheet.stage.index; // the stage the 'one stage' figure and the barcodes show
      redraw();
    });
    return sheet;
  });
}

function redraw() {
  if (!lastTrace) return;
  const t = lastTrace;
  t.decoded.forEach((st, i) => {
    const sh = sheets[i];
    sh.stage = st;
    sh.map = drawSheet(sh.canvas, st, {
      labels: ctx.labels, fieldClasses: ctx.fieldClasses, fieldConf: ctx.fieldConf,
      cut: st.index === t.cut_stage ? t.cut : null, trace: ctx.traced,
    });
    const shape = st.pca ? `${st.dim}-D, top 3 principal axes` : `${st.dim}-D`;
    sh.cap.textContent = `${st.name} · ${shape}` + (ctx.traced >= 0 && st.n > ctx.traced ? ' · ◯ traced point' : '');
  });
  const three = t.decoded.find(s => s.index === t.cut_stage && s.k === 3) || t.decoded.find(s => s.k === 3);
  if (three) {
    scene.show(three, ctx.labels, three.index === t.cut_stage ? t.cut : null);
    $('view3d-caption').textContent = `3-D: ${three.name}` + (three.index === t.cut_stage && t.cut ? ' — the plane is the output layer’s cut' : '');
  } else {
    scene.clear('Every stage is 2-D or less: nothing to lift. Give a hidden layer 3 units to see the data lifted into 3-D and cut by a plane.');
    $('view3d-caption').textContent = '3-D view';
  }
  if (t.decoded[0].dim === 2) heat.draw(t, t.decoded[0], ctx.labels);
}

function onFrame(f) {
  runbar.status(f);
  curves.add(f.last);
  showRewinds($('alert'), f.rewinds);
  if (!f.trace) return;
  const t = f.trace;
  if (f.labels) ctx.labels = unpackBytes(f.labels); // only in a stream's first update: they never change
  ctx.fieldClasses = unpackBytes(t.field_classes);
  ctx.fieldConf = unpackBytes(t.field_confidence);
  t.decoded = decodeLive(t, ctx.inputStage);
  ctx.inputStage = t.decoded[0];
  t.fieldClasses = ctx.fieldClasses; t.fieldConf = ctx.fieldConf;
  if (sheets.length !== t.decoded.length) buildSheets(t.decoded);
  if (!ctx.choicesSet) {
    topology.choices(t.decoded.map(s => ({ index: s.index, name: s.name })), ctx.classNames);
    ctx.choicesSet = true;
  }
  lastTrace = t;
  ctx.frames++;
  document.body.dataset.frames = String(ctx.frames);
  document.body.dataset.epoch = String(f.epoch);
  requestAnimationFrame(redraw);
}

async function onEnd(end) {
  if (!ctx.runId) return;
  if (end && end.status === 'failed') { runbar.error(end.error); return; }
  try {
    const r = await api.run(ctx.runId);
    runbar.status(r);
    curves.set(r.history);
    scrubber.setSnapshots(r.snapshot_epochs);
    const tr = await api.trace(ctx.runId);
    scrubber.setStages(tr.stage_names);
    scrubber.refresh();
    document.body.dataset.done = 'true';
  } catch (e) { runbar.error(e.message); }
}

async function restart() {
  save(state);
  stop();
  curves.reset();
  ctx.traced = -1; ctx.frames = 0; ctx.inputStage = null; ctx.labels = null; ctx.choicesSet = false;
  delete document.body.dataset.done;
  const req = request(state, session);
  api.explainBefore(req).then(v => topology.before(v, state)).catch(e => topology.beforeError(e.message));
  try {
    const r = await api.start(req);
    ctx.runId = r.run;
    ctx.classNames = r.class_names;
    runbar.status(r);
    runbar.error('');
    stop = watch(r.run, onFrame, onEnd);
  } catch (e) {
    runbar.error(`${e.field ? e.field + ': ' : ''}${e.message}`);
  }
}

async function boot() {
  const datasets = await api.datasets();
  controls = createControls($('controls'), datasets, s => { state = s; restart(); }, f => api.upload(f));
  controls.set(state);
  runbar.setSpeed(state.speed);
  restart();
}
boot();
