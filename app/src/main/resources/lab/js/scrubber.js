// One slider through every move of the whole network: the points and the grid travel
// continuously through each rotate, stretch, rotate, shift and bend; the current move is named.
import { api } from './api.js';
import { decodeStage, unpackBytes } from './decode.js';
import { drawSheet } from './sheet.js';
import { drawPrototypes, blockHelp, blockTick } from './blocks.js';

const HELP = {
  input: 'The data as it arrives: one dot per point, coloured by class, on a square grid.',
  rotate: 'Rotate: an orthogonal matrix (Vᵀ or U from W = UΣVᵀ) turns the whole sheet rigidly. Distances do not change.',
  stretch: 'Stretch: each axis is scaled by a singular value σᵢ of W. Width changes add a new axis (born flat) or squash one away.',
  shift: 'Shift: the bias b slides everything. Nothing changes shape.',
  bend: 'Bend: σ is applied to every coordinate — the only move that curves the grid. tanh squeezes far-out points toward ±1.',
  output: 'Softmax: the logits become class probabilities.',
};

function helpFor(caption) {
  if (blockHelp(caption)) return blockHelp(caption);
  if (caption.startsWith('input')) return HELP.input;
  if (caption.startsWith('output ·')) return HELP.output;
  for (const k of ['rotate', 'stretch', 'shift', 'bend']) if (caption.includes(k)) return HELP[k];
  return '';
}

export function createScrubber(el, getContext) {
  el.innerHTML = `<canvas width="320" height="320" aria-label="the dough at the slider's position"></canvas>
    <div><div class="move" id="move-name">—</div>
    <input id="move-slider" type="range" min="0" max="1" step="0.01" value="0" aria-label="position in the network">
    <div class="ticks" id="move-ticks"></div>
    <p class="movehelp" id="move-help">Pause or finish training, then drag the slider to carry the dough through the network one move at a time.</p>
    <label><span>training snapshot</span><input id="snap-slider" type="range" min="0" max="0" step="1" value="0"><b id="snap-label">latest</b></label>
    <button id="move-play">▶ play the moves</button></div>`;
  const canvas = el.querySelector('canvas');
  const slider = el.querySelector('#move-slider');
  const snap = el.querySelector('#snap-slider');
  const name = el.querySelector('#move-name');
  let busy = false, pending = null, snapshots = [], playing = null;

  async function show(pos) {
    const ctx = getContext();
    if (!ctx.runId) return;
    if (busy) { pending = pos; return; }
    busy = true;
    try {
      const s = snapshots.length && +snap.value < snapshots.length - 1 ? +snap.value : 'latest';
      const run = ctx.runId;
      const f = await api.frame(run, pos, s);
      if (run !== getContext().runId) return;
      const st = decodeStage(f);
      // the regions of the snapshot shown, from its own weights (not the newest)
      const map = drawSheet(canvas, st, { labels: ctx.labels, fieldClasses: unpackBytes(f.field_classes), fieldConf: unpackBytes(f.field_confidence), trace: ctx.traced });
      // a k-NN block's prototypes where the slider rests on the stage it reads (not in between)
      drawPrototypes(canvas, map, { ...st, index: f.t > 0.98 ? f.stage : -1 }, f.blocks);
      canvas.dataset.snapshot = String(s);
      name.textContent = f.caption;
      el.querySelector('#move-help').textContent = helpFor(f.caption);
      canvas.dataset.position = String(pos);
    } catch (e) {
      name.textContent = e.message;
    } finally {
      busy = false;
      if (pending !== null) { const p = pending; pending = null; show(p); }
    }
  }

  slider.addEventListener('input', () => show(+slider.value));
  snap.addEventListener('input', () => {
    el.querySelector('#snap-label').textContent = snapshots.length ? `epoch ${snapshots[+snap.value]}` : 'latest';
    show(+slider.value);
  });
  el.querySelector('#move-play').addEventListener('click', () => {
    if (playing) { clearInterval(playing); playing = null; return; }
    if (+slider.value >= +slider.max) slider.value = 0;
    playing = setInterval(() => {
      const v = Math.min(+slider.max, +slider.value + 0.05);
      slider.value = v; show(v);
      if (v >= +slider.max) { clearInterval(playing); playing = null; }
    }, 60);
  });

  return {
    /** @param names every stage's caption, from the trace */
    setStages(names) {
      slider.max = String(names.length - 1);
      el.querySelector('#move-ticks').innerHTML = names.filter((n, i) => i === 0 || n.includes('bend') || n.startsWith('output ·') || blockTick(n))
        .map(n => `<span>${n.split(' · ')[0]}</span>`).join('');
    },
    setSnapshots(epochs) {
      snapshots = epochs;
      snap.max = String(Math.max(0, epochs.length - 1));
      snap.value = snap.max;
      el.querySelector('#snap-label').textContent = 'latest';
    },
    refresh() { show(+slider.value); },
    /** A new run: nothing to scrub until it pauses or ends. */
    reset() {
      if (playing) { clearInterval(playing); playing = null; }
      snapshots = [];
      slider.max = '1'; slider.value = '0';
      snap.max = '0'; snap.value = '0';
      el.querySelector('#snap-label').textContent = 'latest';
      el.querySelector('#move-ticks').innerHTML = '';
      name.textContent = '—';
      el.querySelector('#move-help').textContent = 'Pause or finish training, then drag the slider to carry the dough through the network one move at a time.';
      const g = canvas.getContext('2d');
      g.clearRect(0, 0, canvas.width, canvas.height);
      delete canvas.dataset.position;
    },
    canvas,
  };
}
