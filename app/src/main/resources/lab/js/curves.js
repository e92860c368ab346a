// Loss and accuracy over epochs (d3): training solid, test dashed.
import d3 from './d3.js';

export function createCurves(el) {
  const W = 320, H = 220, M = { l: 36, r: 34, t: 8, b: 24 };
  const svg = d3.select(el).append('svg').attr('viewBox', `0 0 ${W} ${H}`);
  const x = d3.scaleLinear().range([M.l, W - M.r]);
  const yl = d3.scaleLog().range([H - M.b, M.t]);
  const ya = d3.scaleLinear().domain([0, 1]).range([H - M.b, M.t]);
  const gx = svg.append('g').attr('transform', `translate(0,${H - M.b})`);
  const gl = svg.append('g').attr('transform', `translate(${M.l},0)`);
  const ga = svg.append('g').attr('transform', `translate(${W - M.r},0)`);
  const paths = ['loss', 'test_loss', 'accuracy', 'test_accuracy'].map(k => svg.append('path').attr('fill', 'none')
    .attr('stroke', k.includes('loss') ? '#D55E00' : '#009E73').attr('stroke-width', 1.6)
    .attr('stroke-dasharray', k.startsWith('test') ? '4 3' : null).attr('data-key', k));
  svg.append('text').attr('x', M.l + 4).attr('y', M.t + 10).attr('font-size', 10).attr('fill', '#D55E00').text('loss');
  svg.append('text').attr('x', W - M.r - 4).attr('y', M.t + 10).attr('font-size', 10).attr('text-anchor', 'end').attr('fill', '#009E73').text('accuracy (test dashed)');
  let rows = [], axesFor = null;
  return {
    reset() { rows = []; axesFor = null; paths.forEach(p => p.attr('d', null)); },
    set(history) { rows = history.slice(); this.draw(); },
    add(row) { this.addAll([row]); },
    /** Every row since the last painted frame, drawn once. */
    addAll(list) {
      for (const row of list) {
        if (!row) continue;
        while (rows.length && rows[rows.length - 1].epoch >= row.epoch) rows.pop(); // a rewind goes back
        rows.push(row);
      }
      this.draw();
    },
    draw() {
      if (!rows.length) return;
      // round domains (the next tick, the next power of ten): the axes are redrawn only when they change
      x.domain([0, Math.max(10, rows[rows.length - 1].epoch)]).nice(5);
      // at most about one row per pixel column is drawn (the last always): a long run's history
      // would otherwise make every paint longer than the one before
      const every = Math.max(1, Math.ceil(rows.length / (W - M.l - M.r)));
      const shown = every === 1 ? rows : rows.filter((r, i) => i % every === 0 || i === rows.length - 1);
      const losses = shown.flatMap(r => [r.loss, r.test_loss]).filter(v => v > 0);
      const decade = v => 10 ** Math.floor(Math.log10(v)), up = v => 10 ** Math.ceil(Math.log10(v));
      yl.domain([decade(Math.max(1e-4, d3.min(losses) ?? 1e-3)), up(Math.max(1, d3.max(losses) ?? 1))]);
      const ticks = `${x.domain().join()}|${yl.domain().join()}`;
      if (ticks !== axesFor) {
        axesFor = ticks;
        gx.call(d3.axisBottom(x).ticks(5));
        gl.call(d3.axisLeft(yl).ticks(3, '~g'));
        ga.call(d3.axisRight(ya).ticks(4, '%'));
      }
      for (const p of paths) {
        const key = p.attr('data-key');
        const scale = key.includes('loss') ? yl : ya;
        p.attr('d', d3.line().defined(r => r[key] != null && (key.includes('acc') || r[key] > 0)).x(r => x(r.epoch)).y(r => scale(r[key]))(shown));
      }
    },
  };
}
