// Blocks that are not dense layers (docs/layers.md, "Watching them"): a k-NN block's prototypes
// drawn in the stage it reads — diamonds in their class's colour, each with a dashed ring at √τ,
// the distance at which its softmax weight falls by e — and a coupling block's two halves named
// under its stages. The marks come with every trace and scrubber frame (the server's BlockMarks,
// the same render's figures draw).
import { classColour } from './palette.js';
import { flatten } from './sheet.js';

/**
 * Draws the prototypes of the k-NN block that reads this stage, over a sheet drawSheet painted.
 * @param stage a decoded stage ({index, dim, pca}); index −1 between stages draws nothing
 * @param map what drawSheet returned
 * @returns how many prototypes were drawn (also canvas.dataset.prototypes)
 */
export function drawPrototypes(canvas, map, stage, blocks) {
  const b = (blocks || []).find(m => m.kind === 'knn' && m.stage === stage.index);
  if (!b || stage.pca || b.dim !== stage.dim || b.dim > 3) { delete canvas.dataset.prototypes; return 0; }
  const g = canvas.getContext('2d'); // drawSheet left the device-pixel transform in place
  const pts = Float64Array.from(b.points), k = b.dim, size = 5;
  for (let j = 0; j < b.m; j++) {
    const [x, y] = flatten(pts, k, j);
    const px = map.X(x), py = map.Y(y), colour = classColour(b.classes[j]);
    if (k < 3) { // a ring seen at an angle would mislead: flat stages only
      g.strokeStyle = colour; g.globalAlpha = 0.55; g.lineWidth = 0.8; g.setLineDash([3, 3]);
      g.beginPath(); g.arc(px, py, Math.abs(map.X(x + b.reach) - px), 0, 6.2832); g.stroke();
      g.setLineDash([]); g.globalAlpha = 1;
    }
    g.beginPath(); g.moveTo(px, py - size); g.lineTo(px + size, py); g.lineTo(px, py + size); g.lineTo(px - size, py); g.closePath();
    g.fillStyle = colour; g.fill();
    g.strokeStyle = '#111'; g.lineWidth = 1.1; g.stroke();
  }
  canvas.dataset.prototypes = String(b.m);
  return b.m;
}

/** A caption for a stage a block shows: which coupling half passes through, where a k-NN block reads. */
export function blockCaption(stage, blocks) {
  const parts = [];
  for (const b of blocks || []) {
    if (b.kind === 'coupling' && stage.index >= b.stage && stage.index <= b.end) parts.push('coupling: ' + b.caption);
    if (b.kind === 'knn' && b.stage === stage.index) parts.push(`◆ the ${b.m} prototypes the k-NN block reads (ring: √τ)`);
  }
  return parts.length ? ' · ' + parts.join(' · ') : '';
}

/** The scrubber's words for the moves of blocks, by their captions (core's Block.moments names). */
export function blockHelp(caption) {
  if (caption.includes('flow to t')) return 'Flow: the points ride the learned vector field dx/dt = f(x, t) from t = 0 to 1 — a smooth, one-to-one deformation (no tearing, no gluing). Drag or play to watch it flow.';
  if (caption.includes('zero-pad') || caption.includes('pad')) return 'Augment: the points get extra coordinates, all zero, so the flow has room to lift them past each other.';
  if (caption.includes('coupling')) return 'Coupling: one half of the coordinates passes through unchanged and sets how the other half is scaled (e^s) and shifted (t). Exactly invertible.';
  if (caption.includes('k-NN')) return 'k-NN read-out: each point takes a softmax-weighted mix of the prototypes’ values, the nearest weighing most (weights fall by e at distance √τ).';
  if (caption.includes('residual')) return 'Residual: x + g(x) with g’s slope below 1 everywhere, so the block is one-to-one.';
  return '';
}

/** Whether a stage name starts a block's move worth a tick on the scrubber (a flow's first and last time). */
export function blockTick(name) {
  return name.includes('flow to t = 1.00') || name.includes('augment') || name.includes('k-NN') || name.includes('coupling · shift')
    || name.includes('residual ·');
}
