// The decision map in input space: the 40 × 40 region samples as a low-resolution ImageData,
// scaled up by CSS (smooth), with the training points on top. A click adds a point of the chosen class;
// a shift-click removes the point under the mouse.
import { classColour, REGION_TINTS } from './palette.js';

export function createHeatmap(el, onAdd, onRemove) {
  const field = document.createElement('canvas');
  field.className = 'field';
  const top = document.createElement('canvas');
  el.append(field, top);
  let last = null;
  let lastInput = null;
  top.addEventListener('click', e => {
    if (!last) return;
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
  return {
    /** @param t the live trace object; input the decoded input stage; labels per point */
    draw(t, input, labels) {
      if (!t.field_side || t.domain.length !== 4) { el.dataset.empty = 'only for 2-D input'; return; }
      last = t; lastInput = input;
      const side = t.field_side;
      field.width = side; field.height = side;
      const g = field.getContext('2d');
      const img = g.createImageData(side, side);
      for (let i = 0; i < side * side; i++) {
        const cx = i % side, cy = Math.floor(i / side);
        const [r, gg, b] = REGION_TINTS[t.fieldClasses[i] % REGION_TINTS.length];
        const a = 0.25 + 0.55 * (t.fieldConf[i] / 255 - 0.5) * 2;
        const p = ((side - 1 - cy) * side + cx) * 4; // row 0 is the bottom of the domain
        img.data[p] = 255 + (r - 255) * a; img.data[p + 1] = 255 + (gg - 255) * a; img.data[p + 2] = 255 + (b - 255) * a; img.data[p + 3] = 255;
      }
      g.putImageData(img, 0, 0);
      const dpr = window.devicePixelRatio || 1;
      const w = top.clientWidth, h = top.clientHeight;
      top.width = w * dpr; top.height = h * dpr;
      const c = top.getContext('2d');
      c.setTransform(dpr, 0, 0, dpr, 0, 0);
      const [x0, x1, y0, y1] = t.domain;
      if (input.n) top.dataset.firstPoint = `${(input.pts[0] - x0) / (x1 - x0)},${1 - (input.pts[1] - y0) / (y1 - y0)}`; // for tests
      for (let i = 0; i < input.n; i++) {
        const x = input.pts[2 * i], y = input.pts[2 * i + 1];
        c.fillStyle = classColour(labels[i]);
        c.strokeStyle = '#fff';
        c.beginPath(); c.arc(((x - x0) / (x1 - x0)) * w, h - ((y - y0) / (y1 - y0)) * h, 2.4, 0, 6.2832); c.fill(); c.stroke();
      }
    },
  };
}
