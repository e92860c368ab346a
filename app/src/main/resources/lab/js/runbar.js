// Play, pause, one step, reset, speed; the epoch and the numbers; export and share.
export function createRunbar(el, act) {
  el.innerHTML = `<button class="primary" id="play">❚❚ pause</button><button id="step" title="one epoch">step</button>
    <button id="reset" title="new weights, same seed">↺ reset</button>
    <label><span>speed</span><select id="speed"><option value="10">10 epochs/s</option><option value="30">30 epochs/s</option>
    <option value="60">60 epochs/s</option><option value="200">200 epochs/s</option><option value="0">as fast as possible</option></select></label>
    <a id="export-json" download><button>⤓ run JSON</button></a><button id="export-png">⤓ PNG</button>
    <button id="share">copy link</button>
    <span class="stat" id="stat">starting…</span><span class="error" id="run-error"></span>`;
  let paused = false;
  const play = el.querySelector('#play');
  const setPaused = p => { paused = p; play.textContent = p ? '▶ play' : '❚❚ pause'; };
  play.addEventListener('click', () => { setPaused(!paused); paused ? act.pause() : act.play(); });
  el.querySelector('#step').addEventListener('click', () => { setPaused(true); act.step(); });
  el.querySelector('#reset').addEventListener('click', () => { setPaused(false); act.reset(); });
  el.querySelector('#speed').addEventListener('change', e => act.speed(+e.target.value));
  el.querySelector('#export-json').addEventListener('click', e => {
    const url = act.exportUrl();
    if (!url) { e.preventDefault(); return; }
    e.currentTarget.href = url;
  });
  el.querySelector('#export-png').addEventListener('click', () => {
    const canvases = act.sheetsForPng();
    const h = 260, w = canvases.length * h;
    const out = document.createElement('canvas');
    out.width = w; out.height = h;
    const g = out.getContext('2d');
    g.fillStyle = '#fff'; g.fillRect(0, 0, w, h);
    canvases.forEach((c, i) => g.drawImage(c, i * h + 5, 5, h - 10, h - 10));
    out.toBlob(b => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(b); a.download = 'knead-view.png'; a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 5000);
    }, 'image/png');
  });
  el.querySelector('#share').addEventListener('click', () => navigator.clipboard?.writeText(location.href));
  const fmt = v => (v == null ? '—' : v < 0.01 ? v.toExponential(2) : v.toFixed(3));
  return {
    setSpeed(s) { el.querySelector('#speed').value = String(s); },
    status(f) {
      if (f.status === 'paused') setPaused(true);
      play.disabled = ['done', 'cancelled', 'diverged', 'failed'].includes(f.status);
      if (play.disabled) play.textContent = f.status;
      const l = f.last || {};
      el.querySelector('#stat').textContent = `${f.status} · epoch ${f.epoch}/${f.epochs} · loss ${fmt(l.loss)} · accuracy ${l.accuracy == null ? '—' : (100 * l.accuracy).toFixed(1) + ' %'}`
        + (l.test_accuracy != null ? ` · test ${(100 * l.test_accuracy).toFixed(1)} %` : '');
    },
    error(text) { el.querySelector('#run-error').textContent = text; },
  };
}
