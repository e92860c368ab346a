// The decision map in input space: the region samples as a low-resolution ImageData, scaled up
// by CSS (smooth), with the training points on top. 2-D data: the 40 × 40 plane; 1-D data: a
// strip along the line; 3-D data has no plane to map (the 3-D view shows it). "discretise" paints
// each region in its class's full tint instead of shading by confidence; a unit picked under a
// stage paints that unit's value over the input plane instead. A click adds a point of the chosen
// class; a shift-click removes the point under the mouse.
import { classColour, REGION_TINTS } from './palette.js';

const BLUE = [0, 114, 178], ORANGE = [213, 94, 0];

export function createHeatmap(el, onAdd, onRemove) {
  const field = document.createElement('canvas');
  field.className = 'field';
  const top = document.createElement('canvas');
  el.append(field, top);
  const figure = el.closest('figure');
  const caption = document.getElementById('heatmap-caption');
  const discrete = document.getElementById('discrete');
  let last = null, lastInput = null, lastLabels = null, lastUnit = null, lastTest = null;
  discrete?.addEventListener('change', () => last && draw(last, lastInput, lastLabels, lastUnit, lastTest));
  const CAPTION = 'Decision map in input space <small>(click to add a point)</small>';

  top.addEventListener('click', e => {
    if (!last || last.domain.length !== 4) return;
    const r = top.getBoundingClientRect();
    const [x0, x1, y0, y1] = last.domain;
    if (e.shiftKey || e.altKey) {
      // the drawn point nearest the mouse, within 8 px
      let best = -1, bd = 64;
      for (let i = 0; i < lastInput.n; i++) {
        const px = ((lastInput.pts[2 * i] - x0) / (x1 - x0)) * r.width, py = r.height - ((lastInput.pts[2 * i + 1] - y0) / (y1 - y0)) * r.height;
        const d = (px - (e.clientX - r.left)) ** 2 + (py - (e.clientY - r.top)) ** 2;
        if (d < bd) { bd = d; best = i; }
      }
      if (best >= 0) onRemove(best);
      return;
    }
    const x = x0 + ((e.clientX - r.left) / r.width) * (x1 - x0);
    const y = y1 - ((e.clientY - r.top) / r.height) * (y1 - y0);
    onAdd(x, y);
  });

  /** The colour of region sample i: its class's tint (by confidence unless discretised), or the unit's value. */
  function tint(t, i, unit, scale) {
    if (unit) {
      const v = unit.stage.fieldPts[i * unit.stage.k + unit.unit];
      const a = Number.isFinite(v) ? Math.min(1, Math.abs(v) / scale) : 0;
      const [r, g, b] = v >= 0 ? ORANGE : BLUE;
      return [255 + (r - 255) * a, 255 + (g - 255) * a, 255 + (b - 255) * a];
    }
    const [r, g, b] = REGION_TINTS[t.fieldClasses[i] % REGION_TINTS.length];
    const a = discrete?.checked ? 0.55 : 0.25 + 0.55 * (t.fieldConf[i] / 255 - 0.5) * 2;
    return [255 + (r - 255) * a, 255 + (g - 255) * a, 255 + (b - 255) * a];
  }

  function unitScale(unit, n) {
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = Math.abs(unit.stage.fieldPts[i * unit.stage.k + unit.unit]);
      if (Number.isFinite(v) && v > m) m = v;
    }
    return m || 1;
  }

  function draw(t, input, labels, unit, test) {
    last = t; lastInput = input; lastLabels = labels; lastUnit = unit; lastTest = test;
    const d = t.domain.length / 2;
    figure?.classList.toggle('off', d === 3 || !t.field_side);
    if (d === 3 || !t.field_side) {
      // no plane to colour: the 3-D view shows the data and the cut
      el.dataset.empty = '3-D input: see the 3-D view';
      return;
    }
    delete el.dataset.empty;
    const n = t.fieldClasses.length;
    const scale = unit ? unitScale(unit, n) : 1;
    if (caption) {
      caption.innerHTML = unit
        ? `Unit ${unit.unit + 1} of ${unit.stage.name.split(' · ')[0]} over the input ${d === 2 ? 'plane' : 'line'} <small>(orange +, blue −, ±${scale.toPrecision(2)}; click the unit again to go back)</small>`
        : CAPTION;
    }
    const side = t.field_side;
    const rows = d === 2 ? side : 1;
    field.width = side; field.height = rows;
    const g = field.getContext('2d');
    const img = g.createImageData(side, rows);
    for (let i = 0; i < side * rows; i++) {
      const cx = i % side, cy = Math.floor(i / side);
      const [r, gg, b] = tint(t, i, unit, scale);
      const p = ((rows - 1 - cy) * side + cx) * 4; // row 0 is the bottom of the domain
      img.data[p] = r; img.data[p + 1] = gg; img.data[p + 2] = b; img.data[p + 3] = 255;
    }
    g.putImageData(img, 0, 0);
    const dpr = window.devicePixelRatio || 1;
    const w = top.clientWidth, h = top.clientHeight;
    if (top.width !== Math.round(w * dpr) || top.height !== Math.round(h * dpr)) { top.width = w * dpr; top.height = h * dpr; }
    const c = top.getContext('2d');
    c.setTransform(dpr, 0, 0, dpr, 0, 0);
    c.clearRect(0, 0, w, h);
    const x0 = t.domain[0], x1 = t.domain[1];
    const y0 = d === 2 ? t.domain[2] : 0, y1 = d === 2 ? t.domain[3] : 1;
    const k = input.k;
    if (input.n) top.dataset.firstPoint = `${(input.pts[0] - x0) / (x1 - x0)},${d === 2 ? 1 - (input.pts[1] - y0) / (y1 - y0) : 0.5}`; // for tests
    const held = test && test.mask.length === input.n ? test : null;
    for (let i = 0; i < input.n; i++) {
      if (held && held.mask[i] && !held.show) continue;
      const x = input.pts[k * i];
      // on a line, the classes sit at different heights so they do not hide each other
      const y = d === 2 ? input.pts[k * i + 1] : 0.3 + 0.4 * ((labels[i] % 4) / 3);
      c.beginPath(); c.arc(((x - x0) / (x1 - x0)) * w, h - ((y - y0) / (y1 - y0)) * h, 2.4, 0, 6.2832);
      if (held && held.mask[i]) { c.strokeStyle = classColour(labels[i]); c.lineWidth = 1.4; c.stroke(); continue; } // test: a ring
      c.fillStyle = classColour(labels[i]);
      c.strokeStyle = '#fff'; c.lineWidth = 1;
      c.fill(); c.stroke();
    }
  }

  return {
    /** @param t the live trace; input the decoded input stage; labels per point; unit {stage, unit} or null */
    draw,
    reset() {
      last = null;
      figure?.classList.remove('off');
      if (caption) caption.innerHTML = CAPTION;
      for (const cv of [field, top]) cv.getContext('2d').clearRect(0, 0, cv.width, cv.height);
    },
  };
}
