// Okabe–Ito, then Tol's wine and olive: one colour per class, everywhere (points, regions, curves,
// the 3-D view), in the order render's Palette.OKABE_ITO gives them (PaletteIsOneTest checks)
export const CLASS_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000',
  '#882255', '#999933'];
export const REGION_TINTS = CLASS_COLOURS.map(hex => hexToRgb(hex));

export function classColour(c) {
  return CLASS_COLOURS[c % CLASS_COLOURS.length];
}

export function hexToRgb(hex) {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}
