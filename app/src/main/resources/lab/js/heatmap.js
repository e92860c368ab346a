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
  let last = null, lastInput = null, lastLabels = null, lastUnit = null, lastTest = null, img = null;
  discrete?.addEventListener('change', () => last && draw(last, lastInput, lastLabels, lastUnit, lastTest));
  let captionFor = null;
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

  /** The colour of region sample i into px at p: its class's tint (by confidence unless discretised), or the unit's value. */
  function tint(t, i, unit, scale, px, p) {
    let c, a;
    if (unit) {
      const v = unit.stage.fieldPts[i * unit.stage.k + unit.unit];
      a = Number.isFinite(v) ? Math.min(1, Math.abs(v) / scale) : 0;
      c = v >= 0 ? ORANGE : BLUE;
    } else {
      c = REGION_TINTS[t.fieldClasses[i] % REGION_TINTS.length];
      a = discrete?.checked ? 0.55 : 0.25 + 0.55 * (t.fieldConf[i] / 255 - 0.5) * 2;
    }
    px[p] = 255 + (c[0] - 255) * a; px[p + 1] = 255 + (c[1] - 255) * a; px[p + 2] = 255 + (c[2] - 255) * a; px[p + 3] = 255;
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
      const html = unit
        ? `Unit ${unit.unit + 1} of ${unit.stage.name.split(' · ')[0]} over the input ${d === 2 ? 'plane' : 'line'} <small>(orange +, blue −, ±${scale.toPrecision(2)}; click the unit again to go back)</small>`
        : CAPTION;
      if (html !== captionFor) { caption.innerHTML = html; captionFor = html; } // not again at every update
    }
    const side = t.field_side;
    const rows = d === 2 ? side : 1;
    if (field.width !== side || field.height !== rows) { field.width = side; field.height = rows; img = null; }
    const g = field.getContext('2d');
    if (!img) img = g.createImageData(side, rows);
    const px = img.data;
    for (let i = 0; i < side * rows; i++) {
      const cx = i % side, cy = Math.floor(i / side);
      tint(t, i, unit, scale, px, ((rows - 1 - cy) * side + cx) * 4); // row 0 is the bottom of the domain
    }
    g.putImageData(img, 0, 0);
    drawPoints(t, input, labels, test, d);
  }

  /**
   * The points over the map: they do not move in input space, so they are drawn again only when
   * the points, their classes, the test switch or the size change, not at every update.
   */
  let pointsKey = null, size = { w: 0, h: 0 };
  // the size as the layout last gave it: reading clientWidth here would force a layout at every update
  new ResizeObserver(([e]) => {
    size = { w: e.contentRect.width, h: e.contentRect.height };
    if (last && lastInput) drawPoints(last, lastInput, lastLabels, lastTest, last.domain.length / 2);
  }).observe(top);
  function drawPoints(t, input, labels, test, d) {
    const dpr = window.devicePixelRatio || 1;
    const { w, h } = size;
    if (!w || !h) return;
    const key = [input, labels, test?.mask, test?.show, w, h, dpr, t.domain.join(',')];
    if (pointsKey && key.every((v, i) => v === pointsKey[i])) return;
    top.dataset.drawn = String(+(top.dataset.drawn || 0) + 1); // for tests: not once per update
    pointsKey = key;
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
      last = null; pointsKey = null;
      figure?.classList.remove('off');
      if (caption) { caption.innerHTML = CAPTION; captionFor = CAPTION; }
      for (const cv of [field, top]) cv.getContext('2d').clearRect(0, 0, cv.width, cv.height);
    },
  };
}
