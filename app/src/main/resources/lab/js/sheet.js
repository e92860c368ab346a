// The rubber sheet of one stage on a 2-D canvas: region samples (tinted by predicted class),
// the deformed grid, the points (one colour per class) and, where the output layer cuts, its line.
import { classColour, REGION_TINTS } from './palette.js';

const AZ = -0.6, EL = 0.45; // fixed oblique view for 3-wide stages, so frames do not jump

/** Shown coordinates (k of them) → a 2-D position. */
export function flatten(v, k, i) {
  const x = v[i * k], y = k > 1 ? v[i * k + 1] : 0;
  if (k < 3) return [x, y];
  const z = v[i * k + 2];
  const x1 = Math.cos(AZ) * x - Math.sin(AZ) * y;
  const y1 = Math.sin(AZ) * x + Math.cos(AZ) * y;
  return [x1, Math.cos(EL) * z - Math.sin(EL) * y1];
}

function bounds(stage) {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  const n = stage.n, k = stage.k;
  const grow = (v, count) => {
    for (let i = 0; i < count; i++) {
      const [x, y] = flatten(v, k, i);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
    }
  };
  grow(stage.pts, n);
  grow(stage.grid, stage.lines * stage.samples);
  if (!(x1 > x0)) { x0 -= 1; x1 += 1; }
  if (!(y1 > y0)) { y0 -= 1; y1 += 1; }
  const pad = 0.04 * Math.max(x1 - x0, y1 - y0);
  return { x0: x0 - pad, x1: x1 + pad, y0: y0 - pad, y1: y1 + pad };
}

/**
 * @param canvas target; drawn at devicePixelRatio
 * @param stage a decoded stage (decode.js)
 * @param opt labels (Uint8Array), fieldClasses, fieldConf, cut ({normal, offset}) or null, trace (point index) or -1
 * @returns the mapping used, so clicks can be turned back into coordinates
 */
export function drawSheet(canvas, stage, opt) {
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth || 200, h = canvas.clientHeight || 200;
  if (canvas.width !== w * dpr) { canvas.width = w * dpr; canvas.height = h * dpr; }
  const g = canvas.getContext('2d');
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.fillStyle = '#fff';
  g.fillRect(0, 0, w, h);
  const b = bounds(stage);
  const s = Math.min(w / (b.x1 - b.x0), h / (b.y1 - b.y0));
  const ox = (w - s * (b.x1 - b.x0)) / 2, oy = (h - s * (b.y1 - b.y0)) / 2;
  const X = x => ox + (x - b.x0) * s, Y = y => h - oy - (y - b.y0) * s;
  const k = stage.k;

  if (opt.fieldClasses && stage.field_n === opt.fieldClasses.length) {
    const r = Math.max(2, Math.min(6, 0.5 * w / Math.sqrt(stage.field_n)));
    for (let i = 0; i < stage.field_n; i++) {
      const [x, y] = flatten(stage.fieldPts, k, i);
      if (!Number.isFinite(x)) continue;
      const [cr, cg, cb] = REGION_TINTS[opt.fieldClasses[i] % REGION_TINTS.length];
      const a = 0.12 + 0.22 * ((opt.fieldConf?.[i] ?? 255) / 255);
      g.fillStyle = `rgba(${cr},${cg},${cb},${a})`;
      g.fillRect(X(x) - r, Y(y) - r, 2 * r, 2 * r);
    }
  }

  g.strokeStyle = 'rgba(40,50,60,0.33)';
  g.lineWidth = 0.8;
  for (let l = 0; l < stage.lines; l++) {
    g.beginPath();
    for (let m = 0; m < stage.samples; m++) {
      const [x, y] = flatten(stage.grid, k, l * stage.samples + m);
      if (!Number.isFinite(x)) continue;
      m === 0 ? g.moveTo(X(x), Y(y)) : g.lineTo(X(x), Y(y));
    }
    g.stroke();
  }

  if (opt.cut && k === 2 && !stage.pca) {
    const [nx, ny] = opt.cut.normal, c = opt.cut.offset;
    g.strokeStyle = '#222'; g.lineWidth = 2; g.setLineDash([6, 4]);
    g.beginPath();
    if (Math.abs(ny) > Math.abs(nx)) {
      g.moveTo(X(b.x0), Y(-(c + nx * b.x0) / ny)); g.lineTo(X(b.x1), Y(-(c + nx * b.x1) / ny));
    } else {
      g.moveTo(X(-(c + ny * b.y0) / nx), Y(b.y0)); g.lineTo(X(-(c + ny * b.y1) / nx), Y(b.y1));
    }
    g.stroke(); g.setLineDash([]);
  }

  const rad = stage.n > 600 ? 1.8 : 2.5;
  const test = opt.test && opt.test.mask.length === stage.n ? opt.test : null;
  g.lineWidth = 1.2;
  for (let i = 0; i < stage.n; i++) {
    const [x, y] = flatten(stage.pts, k, i);
    if (!Number.isFinite(x)) continue;
    const colour = classColour(opt.labels ? opt.labels[i] : 0);
    g.beginPath(); g.arc(X(x), Y(y), rad, 0, 6.2832);
    if (test && test.mask[i]) {
      // a held-out point: a ring, or not drawn at all
      if (test.show) { g.strokeStyle = colour; g.stroke(); }
    } else {
      g.fillStyle = colour; g.fill();
    }
  }
  if (opt.trace >= 0 && opt.trace < stage.n) {
    const [x, y] = flatten(stage.pts, k, opt.trace);
    g.strokeStyle = '#000'; g.lineWidth = 2;
    g.beginPath(); g.arc(X(x), Y(y), 7, 0, 6.2832); g.stroke();
  }
  return { X, Y, invX: px => b.x0 + (px - ox) / s, invY: py => b.y0 + (h - oy - py) / s, k };
}

/** The point nearest a click, or -1 (within 8 px). */
export function nearestPoint(stage, map, px, py) {
  let best = -1, bd = 64;
  for (let i = 0; i < stage.n; i++) {
    const [x, y] = flatten(stage.pts, stage.k, i);
    const d = (map.X(x) - px) ** 2 + (map.Y(y) - py) ** 2;
    if (d < bd) { bd = d; best = i; }
  }
  return best;
}
