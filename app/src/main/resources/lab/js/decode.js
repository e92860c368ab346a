// Unpacks the server's coordinates: base64 of little-endian int16 over a box (docs/lab.md).
const MISSING = -32768;

function bytes(b64) {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** @returns Float32Array of n × k values; NaN where the value was not finite */
export function unpack(b64, box, k) {
  const raw = bytes(b64);
  const q = new Int16Array(raw.buffer, raw.byteOffset, raw.byteLength >> 1);
  const out = new Float32Array(q.length);
  for (let i = 0, j = 0; i < q.length; i++, j = j + 1 === k ? 0 : j + 1) {
    const lo = box[2 * j], hi = box[2 * j + 1];
    out[i] = q[i] === MISSING ? NaN : lo + ((q[i] + 32767) / 65534) * (hi - lo);
  }
  return out;
}

export function unpackBytes(b64) {
  return bytes(b64);
}

/** A stage of a trace or a frame, decoded: points, grid lines, field, all with k shown coordinates. */
export function decodeStage(s) {
  const k = s.shown;
  return {
    ...s,
    k,
    pts: unpack(s.points, s.box, k),
    grid: unpack(s.grid, s.box, k),
    fieldPts: unpack(s.field, s.box, k),
  };
}

/**
 * Decodes a live trace. After a page's first update the server sends the input stage as
 * {index: 0, unchanged: true} (it never changes during a run): the one kept from before is reused.
 * @param t the frame's trace
 * @param kept the decoded input stage of this run so far, or null
 * @returns the decoded stages
 */
export function decodeLive(t, kept) {
  return t.stages.map(s => {
    if (!s.unchanged) return decodeStage(s);
    if (!kept) throw new Error('the live stream sent an unchanged input stage before the first one');
    return kept;
  });
}
