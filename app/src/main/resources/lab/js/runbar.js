// Play, pause, one step, reset, speed; the epoch and the numbers; export and share.
// Figures and the GIF are drawn on the server by the render module (the same figures as
// `knead render` / `knead animate`); a refused request shows its error instead of downloading.
export function createRunbar(el, act) {
  el.innerHTML = `<button class="primary" id="play">❚❚ pause</button><button id="step" title="one epoch">step</button>
    <button id="reset" title="new weights, same seed">↺ reset</button>
    <label><span>speed</span><select id="speed"><option value="10">10 epochs/s</option><option value="30">30 epochs/s</option>
    <option value="60">60 epochs/s</option><option value="200">200 epochs/s</option><option value="0">as fast as possible</option></select></label>
    <label title="figure drawn by the server, as knead render draws it"><span>figure</span><select id="figure-kind">
      <option value="stages">every move</option><option value="stage">one stage</option><option value="lift">3-D lift</option>
      <option value="regions">regions</option><option value="curves">loss and accuracy</option><option value="certificate">certificate</option>
      <option value="barcode">barcodes</option><option value="betti">Betti numbers</option>
      <option value="layers:pca">every layer, PCA</option><option value="layers:tour">every layer, grand tour</option>
      <option value="layers:tsne">every layer, t-SNE</option></select></label>
    <button id="export-png" title="PNG of the chosen figure">⤓ PNG</button><button id="export-svg" title="SVG of the chosen figure">⤓ SVG</button>
    <button id="export-gif" title="every move, animated (knead animate)">⤓ GIF</button>
    <a id="export-json" download><button>⤓ run JSON</button></a>
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
  const download = async (url, name) => {
    if (!url) return;
    const busy = el.querySelector('#run-error');
    busy.textContent = 'drawing…';
    try {
      const res = await fetch(url);
      if (!res.ok) {
        const j = await res.json().catch(() => ({}));
        throw new Error(`${j.field ? j.field + ': ' : ''}${j.error || res.status}`);
      }
      const a = document.createElement('a');
      a.href = URL.createObjectURL(await res.blob());
      a.download = name;
      document.body.append(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 5000);
      busy.textContent = '';
    } catch (e) { busy.textContent = `export: ${e.message}`; }
  };
  const kind = () => el.querySelector('#figure-kind').value;
  for (const fmt of ['png', 'svg']) {
    el.querySelector(`#export-${fmt}`).addEventListener('click', () =>
      download(act.figureUrl(kind(), fmt), `knead-${kind().replace(':', '-')}.${fmt}`));
  }
  el.querySelector('#export-gif').addEventListener('click', () => download(act.animationUrl(), 'knead-moves.gif'));
  el.querySelector('#share').addEventListener('click', () => navigator.clipboard?.writeText(location.href));
  const fmt = v => (v == null ? '—' : v < 0.01 ? v.toExponential(2) : v.toFixed(3));
  return {
    download,
    setSpeed(s) { el.querySelector('#speed').value = String(s); },
    /** A new run: the button plays again, whatever the last run ended as. */
    starting() {
      play.disabled = false;
      setPaused(false);
      el.querySelector('#stat').textContent = 'starting…';
    },
    status(f) {
      if (f.status === 'paused') setPaused(true);
      play.disabled = ['done', 'cancelled', 'diverged', 'failed'].includes(f.status);
      if (play.disabled) play.textContent = f.status;
      else if (play.textContent !== (paused ? '▶ play' : '❚❚ pause')) setPaused(paused);
      const l = f.last || {};
      el.querySelector('#stat').textContent = `${f.status} · epoch ${f.epoch}/${f.epochs} · loss ${fmt(l.loss)} · accuracy ${l.accuracy == null ? '—' : (100 * l.accuracy).toFixed(1) + ' %'}`
        + (l.test_accuracy != null ? ` · test ${(100 * l.test_accuracy).toFixed(1)} %` : '');
    },
    error(text) { el.querySelector('#run-error').textContent = text; },
  };
}
