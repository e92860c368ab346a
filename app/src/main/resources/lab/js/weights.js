// The weights of a paused (or finished) run, one small matrix per layer: a cell's colour is its
// sign and size. Click one, type a value, Enter: the server changes that weight and the live
// view shows the sheet move. Play or step then trains on from the edited weights (a new run).
const esc = s => String(s).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const MAX_CELLS = 600; // wider layers are not drawn cell by cell

export function createWeights(el, act) {
  el.innerHTML = '<p class="movehelp">Pause the run: its weights appear here, one matrix per layer (rows: units; last column: bias).</p>';
  let net = null;

  function cell(l, r, c, v, scale) {
    const a = Math.min(1, Math.abs(v) / scale);
    return `<button class="w ${v >= 0 ? 'pos' : 'neg'} a${Math.round(a * 4)}" data-l="${l}" data-r="${r}" data-c="${c}"
      title="layer ${l + 1}, unit ${r + 1}, ${c < 0 ? 'bias' : 'input ' + (c + 1)}: ${v.toFixed(4)}">${v.toFixed(1)}</button>`;
  }

  function render() {
    if (!net) return;
    el.innerHTML = net.layers.map((layer, l) => {
      const name = l === net.layers.length - 1 ? 'output layer' : `layer ${l + 1}`;
      if (layer.in * layer.out > MAX_CELLS) return `<div class="wlayer"><b>${name}</b> ${layer.out}×${layer.in}: too wide to draw cell by cell</div>`;
      const all = layer.weights.flat().concat(layer.bias).map(Math.abs);
      const scale = Math.max(1e-9, ...all);
      const rows = layer.weights.map((row, r) => `<div class="wrow">${row.map((v, c) => cell(l, r, c, v, scale)).join('')}${cell(l, r, -1, layer.bias[r], scale)}</div>`).join('');
      return `<div class="wlayer"><b>${esc(name)}</b> <small>${layer.out}×${layer.in} + bias · ${esc(layer.activation)}</small>${rows}</div>`;
    }).join('');
  }

  el.addEventListener('click', e => {
    const b = e.target.closest('button.w');
    if (!b || !net) return;
    const l = +b.dataset.l, r = +b.dataset.r, c = +b.dataset.c;
    const v = c < 0 ? net.layers[l].bias[r] : net.layers[l].weights[r][c];
    const input = document.createElement('input');
    input.type = 'number'; input.step = 'any'; input.value = String(+v.toFixed(4)); input.className = 'wedit';
    b.replaceWith(input);
    input.focus(); input.select();
    const done = async ok => {
      if (ok && input.value !== '' && Number.isFinite(+input.value)) {
        try {
          await act.edit(l, r, c, +input.value);
          if (c < 0) net.layers[l].bias[r] = +input.value; else net.layers[l].weights[r][c] = +input.value;
        } catch (err) { act.error(err.message); }
      }
      render();
    };
    input.addEventListener('keydown', k => { if (k.key === 'Enter') done(true); if (k.key === 'Escape') done(false); });
    input.addEventListener('blur', () => done(false));
  });

  return {
    show(network) { net = network; render(); },
    reset() { net = null; el.innerHTML = '<p class="movehelp">Pause the run: its weights appear here, one matrix per layer (rows: units; last column: bias).</p>'; },
  };
}
