// The rubber sheet of one stage on a 2-D canvas: region samples (tinted by predicted class),
// the deformed grid, the points (one colour per class) and, where the output layer cuts, its line.
import { classColour, REGION_TINTS } from './palette.js';

const AZ = -0.6, EL = 0.45; // fixed oblique view for 3-wide stages, so frames do not jump

/** Shown coordinates (k of them) → a 2-D position. */
export function flatten(v, k, i) {
  return into(v, k, i, [0, 0]);
}

const CA = Math.cos(AZ), SA = Math.sin(AZ), CE = Math.cos(EL), SE = Math.sin(EL);
/** flatten() into `out` (no new array: a sheet flattens thousands of values per frame). */
function into(v, k, i, out) {
  const x = v[i * k], y = k > 1 ? v[i * k + 1] : 0;
  if (k < 3) { out[0] = x; out[1] = y; return out; }
  const z = v[i * k + 2];
  out[0] = CA * x - SA * y;
  out[1] = CE * z - SE * (SA * x + CA * y);
  return out;
}
const P = [0, 0];

function bounds(stage) {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  const n = stage.n, k = stage.k;
  const grow = (v, count) => {
    for (let i = 0; i < count; i++) {
      const [x, y] = into(v, k, i, P);
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

/** The canvas's size in CSS pixels, read once (reading it after the page changed forces a layout per sheet). */
const sizes = new WeakMap();
let sizeEpoch = 0;
window.addEventListener('resize', () => { sizeEpoch++; });
function cssSize(canvas) {
  let s = sizes.get(canvas);
  if (!s || s.epoch !== sizeEpoch || !s.w) {
    s = { w: canvas.clientWidth || 200, h: canvas.clientHeight || 200, epoch: sizeEpoch };
    sizes.set(canvas, s);
  }
  return s;
}

/**
 * One small picture per class and kind (dot, ring), drawn once and stamped per point: in software
 * Skia a stamp costs far less than an anti-aliased arc filled point by point. An ImageBitmap, not
 * a canvas: drawing a canvas snapshots it at every call.
 */
const stamps = new Map();
function stamp(cls, rad, ring, dpr) {
  const key = cls * 1e4 + rad * 1e3 + (ring ? 100 : 0) + dpr; // cls < 10, rad and dpr small: one number
  let st = stamps.get(key);
  if (!st) {
    const colour = classColour(cls);
    const side = Math.ceil((2 * rad + 3) * dpr);
    const c = new OffscreenCanvas(side, side);
    const g = c.getContext('2d');
    g.scale(dpr, dpr);
    g.beginPath(); g.arc(side / dpr / 2, side / dpr / 2, rad, 0, 6.2832);
    if (ring) { g.strokeStyle = colour; g.lineWidth = 1.2; g.stroke(); } else { g.fillStyle = colour; g.fill(); }
    st = { image: c.transferToImageBitmap(), half: side / dpr / 2 };
    stamps.set(key, st);
  }
  return st;
}

/** rgba() text per class and confidence level, made once (a colour string is parsed at each use). */
const LEVELS = 8;
const tints = REGION_TINTS.map(([r, g, b]) => Array.from({ length: LEVELS }, (_, q) => `rgba(${r},${g},${b},${(0.12 + 0.22 * q / (LEVELS - 1)).toFixed(3)})`));

/**
 * @param canvas target; drawn at devicePixelRatio
 * @param stage a decoded stage (decode.js)
 * @param opt labels (Uint8Array), fieldClasses, fieldConf, cut ({normal, offset}) or null, trace (point index) or -1
 * @returns the mapping used, so clicks can be turned back into coordinates
 */
export function drawSheet(canvas, stage, opt) {
  const dpr = window.devicePixelRatio || 1;
  const { w, h } = cssSize(canvas);
  if (canvas.width !== w * dpr || canvas.height !== h * dpr) { canvas.width = w * dpr; canvas.height = h * dpr; }
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
    // one path of squares per class and confidence level, filled once
    const r = Math.max(2, Math.min(6, 0.5 * w / Math.sqrt(stage.field_n)));
    const n = stage.field_n, bucket = new Int16Array(n), pos = new Float32Array(2 * n);
    const used = new Set();
    for (let i = 0; i < n; i++) {
      const [x, y] = into(stage.fieldPts, k, i, P);
      if (!Number.isFinite(x) || !Number.isFinite(y)) { bucket[i] = -1; continue; }
      const q = Math.round(((opt.fieldConf?.[i] ?? 255) / 255) * (LEVELS - 1));
      bucket[i] = (opt.fieldClasses[i] % REGION_TINTS.length) * LEVELS + q;
      used.add(bucket[i]);
      pos[2 * i] = X(x) - r; pos[2 * i + 1] = Y(y) - r;
    }
    for (const u of used) {
      g.beginPath();
      for (let i = 0; i < n; i++) if (bucket[i] === u) g.rect(pos[2 * i], pos[2 * i + 1], 2 * r, 2 * r);
      g.fillStyle = tints[Math.floor(u / LEVELS)][u % LEVELS];
      g.fill();
    }
  }

  // the grid: every line in one path, stroked once
  g.strokeStyle = 'rgba(40,50,60,0.33)';
  g.lineWidth = 0.8;
  g.beginPath();
  for (let l = 0; l < stage.lines; l++) {
    let pen = false;
    for (let m = 0; m < stage.samples; m++) {
      const [x, y] = into(stage.grid, k, l * stage.samples + m, P);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      pen ? g.lineTo(X(x), Y(y)) : g.moveTo(X(x), Y(y));
      pen = true;
    }
  }
  g.stroke();

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
  for (let i = 0; i < stage.n; i++) {
    const [x, y] = into(stage.pts, k, i, P);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    // a held-out point: a ring, or not drawn at all
    const ring = !!(test && test.mask[i]);
    if (ring && !test.show) continue;
    const st = stamp((opt.labels ? opt.labels[i] : 0) % 10, rad, ring, dpr);
    g.drawImage(st.image, Math.round((X(x) - st.half) * dpr) / dpr, Math.round((Y(y) - st.half) * dpr) / dpr, 2 * st.half, 2 * st.half);
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
    const [x, y] = into(stage.pts, stage.k, i, P);
    const d = (map.X(x) - px) ** 2 + (map.Y(y) - py) ** 2;
    if (d < bd) { bd = d; best = i; }
  }
  return best;
}
