// Persistence barcodes as SVG: one row per bar, H₀ above H₁, each class in its colour.
// The numbers come from the server (knead topology's JSON); this only draws them.
import { classColour } from './palette.js';

const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

/**
 * @param r the /barcodes answer: {stage, name, classes: [{class, class_name, points, bars: [{dim, birth, death}], stable_scale}]}
 * @returns SVG markup
 */
export function barcodeSvg(r, width = 300) {
  const rows = [];
  let top = 0;
  for (const c of r.classes) {
    for (const dim of [0, 1]) {
      const bars = c.bars.filter(b => b.dim === dim)
        .sort((a, b) => (life(b) - life(a)))
        .slice(0, dim === 0 ? 12 : 12);
      rows.push({ c, dim, bars });
      if (bars.length) for (const b of bars) top = Math.max(top, b.birth, Number.isFinite(b.death) ? b.death : b.birth);
    }
  }
  top = top > 0 ? top * 1.08 : 1;
  const left = 44, w = width - left - 8, bar = 4, gap = 2;
  let y = 4, out = '';
  for (const { c, dim, bars } of rows) {
    const beta = c.stable_scale?.betti?.[dim];
    out += `<text x="0" y="${y + 9}" font-size="10">${esc(c.class_name)} H${dim}</text>`;
    if (beta != null) out += `<text x="0" y="${y + 20}" font-size="9" fill="#666">β${dim}=${beta}</text>`;
    const start = y;
    for (const b of bars) {
      const x0 = left + (b.birth / top) * w;
      const x1 = Number.isFinite(b.death) && b.death != null ? left + (b.death / top) * w : left + w;
      out += `<rect x="${x0.toFixed(1)}" y="${y}" width="${Math.max(1, x1 - x0).toFixed(1)}" height="${bar}" fill="${classColour(c.class)}"${dim ? ' opacity="0.75"' : ''}>`
        + `<title>H${dim} [${b.birth.toFixed(3)}, ${b.death == null || !Number.isFinite(b.death) ? '∞' : b.death.toFixed(3)})</title></rect>`;
      y += bar + gap;
    }
    if (!bars.length) { out += `<text x="${left}" y="${y + 9}" font-size="9" fill="#666">no bars</text>`; y += 12; }
    y = Math.max(y, start + 24) + 6;
  }
  out += `<line x1="${left}" x2="${left + w}" y1="${y}" y2="${y}" stroke="#999"/>`
    + `<text x="${left}" y="${y + 11}" font-size="9" fill="#666">0</text>`
    + `<text x="${left + w}" y="${y + 11}" font-size="9" fill="#666" text-anchor="end">${(top / 1.08).toFixed(2)} (scale)</text>`;
  return `<svg class="barcode" viewBox="0 0 ${width} ${y + 14}" role="img" aria-label="barcodes of ${esc(r.name)}">${out}</svg>`;
}

function life(b) {
  return (b.death == null || !Number.isFinite(b.death) ? 1e9 : b.death) - b.birth;
}
