// What topology says: the verdict before training (with its citation), then per layer the
// badges, Betti numbers per class per stage, separability, the certificate, and divergence alerts.
import { barcodeSvg } from './barcode.js';

const num = v => (v == null ? '—' : Number.isInteger(v) ? String(v) : Math.abs(v) < 0.005 ? '0' : (+v).toFixed(2));
const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

export function createTopology(el, actions) {
  el.innerHTML = `<fieldset><legend>Before training: what theory says</legend><div id="before">…</div></fieldset>
    <fieldset><legend>After training: what the weights did</legend>
      <button id="explain-run">Explain this run</button><div id="after"><p class="movehelp">Badges per layer, Betti numbers per class per stage, linking and winding numbers, separability and the certificate — computed on the current weights.</p></div></fieldset>
    <fieldset><legend>Barcodes</legend>
      <label><span>stage</span><select id="bc-stage"></select></label>
      <label><span>class</span><select id="bc-class"></select></label>
      <button id="bc-show">Show barcodes</button> <button id="bc-png" title="the barcode figure, drawn by the server (knead render --kind barcode)">⤓ PNG</button>
      <div id="barcodes"><p class="movehelp">Vietoris–Rips persistence of the chosen stage's points (H₀: pieces, H₁: loops); long bars are real features.</p></div></fieldset>`;
  el.querySelector('#explain-run').addEventListener('click', () => actions.explain());
  const bcStage = el.querySelector('#bc-stage'), bcClass = el.querySelector('#bc-class');
  el.querySelector('#bc-show').addEventListener('click', async () => {
    const box = el.querySelector('#barcodes');
    box.innerHTML = '<p class="movehelp">Computing persistent homology…</p>';
    try {
      const r = await actions.barcodes(+bcStage.value, bcClass.value === '' ? null : +bcClass.value);
      if (!r) { box.textContent = ''; return; }
      box.innerHTML = `<p class="movehelp">${esc(r.name)} · ${r.classes.map(c => `${esc(c.class_name)}: ${c.points} points`).join(', ')}</p>` + barcodeSvg(r);
    } catch (e) { box.innerHTML = `<p class="error">${esc(e.field ? e.field + ': ' : '')}${esc(e.message)}</p>`; }
  });
  el.querySelector('#bc-png').addEventListener('click', () => actions.barcodePng(+bcStage.value));

  return {
    /** The stages and classes the barcode panel offers: [{index, name}], class names. */
    choices(stages, classNames) {
      const keep = bcStage.value;
      bcStage.innerHTML = stages.map(s => `<option value="${s.index}">${esc(s.name)}</option>`).join('');
      if ([...bcStage.options].some(o => o.value === keep)) bcStage.value = keep;
      const keepC = bcClass.value;
      bcClass.innerHTML = '<option value="">every class</option>' + classNames.map((c, i) => `<option value="${i}">${esc(c)}</option>`).join('');
      bcClass.value = keepC;
    },
    /** The panel after a change: nothing measured yet for the new run. */
    reset() {
      el.querySelector('#before').textContent = '…';
      el.querySelector('#after').innerHTML = '<p class="movehelp">Badges per layer, Betti numbers per class per stage, linking and winding numbers, separability and the certificate — computed on the current weights.</p>';
      el.querySelector('#barcodes').innerHTML = '';
    },
    /** @param dim the data's dimension: the width-2 story (a disk in the plane) is told on 2-D data only */
    before(v, state, dim) {
      const box = el.querySelector('#before');
      if (!v) { box.textContent = '…'; return; }
      const list = v.verdicts_before || [];
      const narrow = state.hidden.length > 0 && Math.min(...state.hidden) < 3;
      let html = list.length ? '' : `<div class="verdict ok">No theorem rules this network out for ${esc(v.data)}. Training decides.</div>`;
      for (const x of list) {
        html += `<div class="verdict ${x.kind === 'impossible' ? '' : 'ok'}"><b>${esc(x.kind)}</b>: ${esc(x.statement)}
          <cite>${esc(x.citation)}</cite>${x.caveat ? `<cite>Caveat: ${esc(x.caveat)}</cite>` : ''}</div>`;
      }
      if (dim === 2) {
        html += narrow
          ? '<button id="fix-width">Give every hidden layer a third unit</button>'
          : '<button id="try-narrow">Try the width-2 network (2-2-2)</button>';
      }
      box.innerHTML = html;
      box.querySelector('#fix-width')?.addEventListener('click', () => actions.widen());
      box.querySelector('#try-narrow')?.addEventListener('click', () => actions.narrow());
    },
    beforeError(text) { el.querySelector('#before').innerHTML = `<p class="error">${esc(text)}</p>`; },
    busy(text) { el.querySelector('#after').innerHTML = `<p class="movehelp">${esc(text)}</p>`; },
    error(text) { el.querySelector('#after').innerHTML = `<p class="error">${esc(text)}</p>`; },
    after(r, classNames) {
      let html = `<p>At epoch ${r.epoch}:</p>`;
      for (const l of r.layers) {
        html += `<div><b>${l.output ? 'output' : 'layer ' + l.layer}</b> ${l.in}→${l.out} ${esc(l.activation.toLowerCase())}, rank ${l.rank}
          ${l.badges.map(b => `<span class="badge ${b.badge}" title="${esc(b.explanation)}">${b.badge.replace('_', ' ')}</span>`).join('')}</div>`;
      }
      const shown = r.stages.filter(s => s.stage === 0 || /bend|output layer · shift/.test(s.name));
      html += `<table class="betti"><tr><th>stage</th>${classNames.map((c, i) => `<th><span class="swatch cls-${i % 10}"></span>β ${esc(c)}</th>`).join('')}<th>linking</th><th>winding</th><th>cut by a line?</th></tr>`;
      // a measured change from the stage before is marked, so the table and the sentences below can be read together
      const changed = [];
      shown.forEach((s, row) => {
        const prev = row > 0 ? shown[row - 1] : null;
        const cells = s.betti.map((b, c) => {
          const was = prev?.betti[c];
          const moved = was && was.join(',') !== b.join(',');
          if (moved) changed.push(`${classNames[c] ?? 'class ' + c}: β ${was.join(',')} → ${b.join(',')} at ${s.name}`);
          return `<td class="${moved ? 'changed' : ''}" title="${moved ? 'measured: differs from the stage before (' + was.join(',') + ')' : ''}">${b.join(',')}</td>`;
        }).join('');
        html += `<tr><td>${esc(s.name)}</td>${cells}<td>${num(s.linking_number)}</td><td>${num(s.winding_number)}</td><td title="${esc(s.separability ?? '')}">${s.linearly_separable === null ? 'not decided' : s.linearly_separable ? ((s.trivially_separable_pairs ?? []).length ? 'yes*' : 'yes') : 'no'}</td></tr>`;
      });
      html += '</table>';
      html += `<p class="movehelp">β = (pieces, holes${r.stages.some(s => s.betti.some(b => b.length > 2)) ? ', cavities' : ''}) measured on each class's points (at most ${esc(r.betti_procedure?.max_points_per_class ?? '—')} a class, the numbers that hold over the most neighbourhood sizes), as <code>knead explain</code> measures them.
        ${changed.length ? 'Measured changes (marked): ' + changed.map(esc).join('; ') + '. A layer the badges call a homeomorphism keeps every hole in exact arithmetic; a measured loss there means its points were squeezed closer than the measuring scale (saturation), not torn.' : 'No stage changes a class’s measured β.'}</p>`;
      for (const c of r.certificates || []) html += `<div class="verdict">${esc(c.sentence)}</div>`;
      for (const v of r.verdicts_after || []) html += `<div class="verdict ${v.kind === 'impossible' ? '' : 'ok'}">${esc(v.statement)}<cite>${esc(v.citation)}</cite></div>`;
      html += `<ul>${(r.account || []).map(a => `<li>${esc(a)}</li>`).join('')}</ul>`;
      el.querySelector('#after').innerHTML = html;
    },
  };
}

/** The divergence alert: what the guard saw and the rewind it made. */
export function showRewinds(el, rewinds) {
  if (!rewinds || !rewinds.length) { if (!el.hidden) el.hidden = true; return; }
  const r = rewinds[rewinds.length - 1];
  el.hidden = false;
  const key = `${rewinds.length}:${r.epoch}`; // shown once per rewind, not again at every update
  if (el.dataset.shown === key) return;
  el.dataset.shown = key;
  el.innerHTML = `<b>Training diverged at epoch ${r.epoch}</b> (${esc(r.reason)}): rewound to epoch ${r.back_to} and halved the learning rate
    ${r.lr_before} → ${r.lr_after}. ${rewinds.length > 1 ? `(${rewinds.length} rewinds so far)` : ''}`;
}
