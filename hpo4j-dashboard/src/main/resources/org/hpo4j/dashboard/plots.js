/*
 * hpo4j plots: draws the plot data computed in Java (StudyData) with ECharts, one function per plot.
 * User-supplied strings (study, parameter, attribute names and values) reach the DOM only through
 * textContent, and ECharts draws tooltips as canvas rich text, so no string is ever parsed as HTML.
 * Exposes window.hpo4jPlots = { render(studyData), redrawContour(), resize() }; page.js drives it.
 */
window.hpo4jPlots = (function () {
  'use strict';
  var STATE_COLORS = { COMPLETE: '#1f77b4', PRUNED: '#ff7f0e', FAIL: '#d62728', RUNNING: '#2ca02c', WAITING: '#9aa0ac' };
  var charts = {};
  var current = null;

  function $(id) { return document.getElementById(id); }

  function fmt(v) {
    if (v === null || v === undefined) { return '-'; }
    if (typeof v !== 'number') { return String(v); }
    var a = Math.abs(v);
    if (Number.isInteger(v) && a < 1e6) { return String(v); }
    return (a !== 0 && (a < 1e-3 || a >= 1e5)) ? v.toExponential(3) : String(+v.toPrecision(4));
  }

  function text(el, s) { el.textContent = s === null || s === undefined ? '' : String(s); return el; }

  function make(tag, cls, s) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    if (s !== undefined) { text(el, s); }
    return el;
  }

  function chart(id, option) {
    var el = $(id);
    var c = charts[id];
    if (!c || c.getDom() !== el) {
      c = echarts.init(el, null, { renderer: 'canvas' });
      charts[id] = c;
    }
    option.animation = false;
    // Axes sit at the edge of their grid, not at zero of the other axis.
    ['xAxis', 'yAxis'].forEach(function (k) {
      [].concat(option[k] || []).forEach(function (a) { a.axisLine = Object.assign({ onZero: false }, a.axisLine || {}); });
    });
    option.tooltip = Object.assign({ renderMode: 'richText', confine: true }, option.tooltip || {});
    c.setOption(option, true);
    return c;
  }

  function dirWord(d) { return d === 'MAXIMIZE' ? 'maximize' : 'minimize'; }

  // Darker is better, whichever the direction.
  function goodColors(direction) {
    var c = ['#08306b', '#2171b5', '#6baed6', '#c6dbef', '#f7fbff'];
    return direction === 'MAXIMIZE' ? c.slice().reverse() : c;
  }

  function extent(values) {
    var lo = Infinity, hi = -Infinity;
    values.forEach(function (v) { if (v !== null && isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } });
    if (lo === Infinity) { return [0, 1]; }
    if (lo === hi) { return [lo - 1, hi + 1]; }
    return [lo, hi];
  }

  function axisOf(a, extra) {
    var o = { name: a.name, nameLocation: 'middle', nameGap: 28, nameTextStyle: { fontWeight: 'bold' } };
    if (a.kind === 'categorical') {
      o.type = 'category';
      o.data = a.categories;
    } else {
      o.type = a.log ? 'log' : 'value';
      o.min = a.low;
      o.max = a.high;
      o.axisLabel = { formatter: fmt, hideOverlap: true };
    }
    return Object.assign(o, extra || {});
  }

  function tipTrial(numberIndex, labels) {
    return function (p) {
      var d = p.value || p.data;
      var s = 'trial ' + d[numberIndex];
      labels.forEach(function (l) { s += '\n' + l[0] + ': ' + fmt(d[l[1]]); });
      return s;
    };
  }

  function objectiveLabel(d, k) {
    var l = d.objectiveLabels && d.objectiveLabels[k];
    return l || ('objective ' + k);
  }

  // The objective a plot shows: its own selector, filled with the study's objective labels.
  function pick(plot, d) {
    var sel = $('objective-' + plot);
    if (!sel) { return 0; }
    var keep = sel.value;
    if (sel.options.length !== d.directions.length || sel.getAttribute('data-study') !== d.name) {
      sel.replaceChildren();
      d.directions.forEach(function (dir, k) {
        var o = make('option', null, objectiveLabel(d, k) + ' (' + dirWord(dir) + ')');
        o.value = String(k);
        sel.appendChild(o);
      });
      sel.setAttribute('data-study', d.name);
      if (keep && +keep < d.directions.length && sel.getAttribute('data-kept') === d.name) { sel.value = keep; }
      sel.setAttribute('data-kept', d.name);
    }
    sel.hidden = d.directions.length < 2;
    return +sel.value || 0;
  }

  function checked(id) { var el = $(id); return !!(el && el.checked); }

  function thinnedNote(id, shown, total, what) {
    var el = $(id);
    if (!el) { return; }
    el.hidden = !(total > shown);
    text(el, total > shown ? 'showing ' + shown + ' of ' + total + ' ' + what + ' (the best and an even sample of the rest)' : '');
  }

  function renderHeader(d) {
    text($('study-name'), d.name);
    document.title = 'hpo4j: ' + d.name;
    var counts = $('counts');
    counts.replaceChildren();
    counts.appendChild(make('span', null, d.directions.map(function (x, k) { return objectiveLabel(d, k) + ': ' + dirWord(x); }).join(', ')));
    Object.keys(d.counts).forEach(function (k) {
      if (d.counts[k] > 0) { counts.appendChild(make('span', 'count-' + k, k.toLowerCase() + ' ' + d.counts[k])); }
    });
    if (d.sampler) { counts.appendChild(make('span', null, 'sampler ' + d.sampler)); }
    var h = d.objectives[0].history;
    if (d.directions.length === 1 && h.points.length) {
      var best = h.bestSoFar[h.bestSoFar.length - 1];
      var at = h.points.filter(function (p) { return p.value === best; })[0];
      counts.appendChild(make('span', 'best', 'best ' + fmt(best) + ' (trial ' + at.number + ')'));
    }
  }


  function renderHistory(d) {
    var k = pick('history', d);
    var h = d.objectives[k].history;
    var log = checked('log-history');
    var ok = function (v) { return !log || v > 0; };
    var pts = h.points.filter(function (p) { return ok(p.value); }).map(function (p) { return [p.number, p.value]; });
    var best = [];
    h.points.forEach(function (p, i) { if (ok(h.bestSoFar[i])) { best.push([p.number, h.bestSoFar[i]]); } });
    var hidden = h.points.length - pts.length;
    thinnedNote('note-history', h.points.length, h.total, 'trials');
    if (hidden > 0) { var n = $('note-history'); n.hidden = false; text(n, (n.textContent ? n.textContent + '; ' : '') + hidden + ' values <= 0 left out of the log scale'); }
    chart('chart-history', {
      legend: { top: 0 },
      grid: { left: 70, right: 20, top: 30, bottom: 40 },
      xAxis: { type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 25, minInterval: 1 },
      yAxis: { type: log ? 'log' : 'value', name: objectiveLabel(d, k), scale: true, axisLabel: { formatter: fmt } },
      tooltip: { trigger: 'item', formatter: tipTrial(0, [['value', 1]]) },
      series: [
        { name: 'objective value', type: 'scatter', data: pts, symbolSize: 5, large: pts.length > 2000, itemStyle: { color: '#1f77b4' } },
        { name: 'best so far', type: 'line', step: 'end', data: best, showSymbol: false, lineStyle: { color: '#d62728', width: 2 }, itemStyle: { color: '#d62728' } }
      ],
      graphic: h.total ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: 'no complete trial yet', fill: '#888' } }]
    });
  }


  function renderIntermediate(p) {
    var series = p.curves.map(function (c) {
      return {
        name: 'trial ' + c.number, type: 'line', showSymbol: false,
        data: c.steps.map(function (s, i) { return [s, c.values[i], c.number]; }),
        lineStyle: { width: 1, color: c.pruned ? '#ff7f0e' : STATE_COLORS[c.state] || '#1f77b4', opacity: 0.7 },
        itemStyle: { color: c.pruned ? '#ff7f0e' : STATE_COLORS[c.state] || '#1f77b4' },
        markPoint: c.pruned ? { symbol: 'pin', symbolSize: 0, data: [] } : undefined,
        endLabel: { show: false }
      };
    });
    // Pruned trials end with a cross where they were stopped.
    var stops = p.curves.filter(function (c) { return c.pruned; }).map(function (c) {
      var i = c.steps.length - 1; return [c.steps[i], c.values[i], c.number];
    });
    series.push({ name: 'pruned here', type: 'scatter', data: stops, symbol: 'path://M0,0L10,10M10,0L0,10', symbolSize: 8,
      itemStyle: { color: '#ff7f0e', borderColor: '#ff7f0e', borderWidth: 2 } });
    chart('chart-intermediate', {
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'value', name: 'step', nameLocation: 'middle', nameGap: 25, scale: true },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: fmt } },
      tooltip: { trigger: 'item', formatter: tipTrial(2, [['step', 0], ['value', 1]]) },
      series: series,
      graphic: p.curves.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: 'no trial reported intermediate values', fill: '#888' } }]
    });
  }

  // Axis choice: one checkbox per parameter, all on at first (the first 12 for wide spaces).
  function parallelAxes(p, d) {
    var box = $('parallel-axes');
    var names = p.axes.map(function (a) { return a.name; });
    if (box.getAttribute('data-axes') !== names.join('\n')) {
      box.replaceChildren();
      names.forEach(function (n, i) {
        var l = make('label', 'axis-choice');
        var c = document.createElement('input');
        c.type = 'checkbox'; c.value = n; c.checked = i < 12;
        c.addEventListener('change', function () { renderParallel(current); });
        l.appendChild(c); l.appendChild(document.createTextNode(' ' + n));
        box.appendChild(l);
      });
      box.setAttribute('data-axes', names.join('\n'));
    }
    var on = {};
    box.querySelectorAll('input').forEach(function (c) { on[c.value] = c.checked; });
    return on;
  }

  function renderParallel(d) {
    var k = pick('parallel', d);
    var p = d.objectives[k].parallel;
    var on = parallelAxes(p, d);
    var shown = [];
    p.axes.forEach(function (a, i) { if (on[a.name]) { shown.push(i); } });
    var axes = [{ dim: 0, name: objectiveLabel(d, k), type: 'value', scale: true, axisLabel: { formatter: fmt } }];
    var width = Math.max(60, 900 / Math.max(1, shown.length + 1));
    shown.forEach(function (i, j) {
      var a = p.axes[i];
      // The whole name, wrapped onto lines that fit between two axes (ECharts would cut it).
      var per = Math.max(6, Math.floor((width - 8) / 7));
      var lines = [];
      for (var c = 0; c < a.name.length; c += per) { lines.push(a.name.slice(c, c + per)); }
      var o = { dim: j + 1, name: lines.join('\n'), axisLabel: { formatter: fmt }, nameTextStyle: { fontWeight: 'bold', lineHeight: 13 } };
      if (a.kind === 'categorical') { o.type = 'category'; o.data = a.categories; o.axisLabel = { backgroundColor: 'rgba(255,255,255,0.85)', padding: [1, 3], fontWeight: 'bold' }; }
      else { o.type = a.log ? 'log' : 'value'; o.min = a.low; o.max = a.high; }
      axes.push(o);
    });
    var ys = p.lines.map(function (l) { return l.value; });
    var ext = extent(ys);
    thinnedNote('note-parallel', p.lines.length, p.total, 'trials');
    chart('chart-parallel', {
      parallel: { left: 60, right: 110, top: 75, bottom: 30, parallelAxisDefault: { nameGap: 14, nameLocation: 'end' } },
      parallelAxis: axes,
      visualMap: { show: true, type: 'continuous', dimension: 0, min: ext[0], max: ext[1], right: 10, top: 'center', itemHeight: 220,
        inRange: { color: goodColors(p.direction) }, formatter: fmt, calculable: true, precision: 4 },
      series: [{ type: 'parallel', lineStyle: { width: 1.2, opacity: 0.6 }, progressive: 500,
        data: p.lines.map(function (l) { return [l.value].concat(shown.map(function (i) { var c = l.coordinates[i]; return c === null ? '-' : c; })); }) }]
    });
  }

  // Rank plot: two parameters against each other, each trial coloured by the rank of its objective
  // (0 = best, 1 = worst), which is robust to outliers that flatten a value colour scale.
  function renderRank(d) {
    var k = pick('rank', d);
    var p = d.objectives[k].parallel;
    var xs = $('rank-x'), ys = $('rank-y');
    var names = p.axes.map(function (a) { return a.name; });
    [xs, ys].forEach(function (sel, w) {
      if (sel.getAttribute('data-axes') !== names.join('\n')) {
        sel.replaceChildren();
        names.forEach(function (n, i) { var o = make('option', null, n); o.value = String(i); sel.appendChild(o); });
        sel.value = String(Math.min(w, names.length - 1));
        sel.setAttribute('data-axes', names.join('\n'));
      }
    });
    if (!names.length || !p.lines.length) {
      chart('chart-rank', { graphic: [{ type: 'text', left: 'center', top: 'middle', style: { text: 'no complete trial yet', fill: '#888' } }] });
      return;
    }
    var ix = +xs.value || 0, iy = +ys.value || 0;
    var order = p.lines.map(function (l, i) { return i; }).sort(function (a, b) {
      var va = p.lines[a].value, vb = p.lines[b].value;
      return p.direction === 'MAXIMIZE' ? vb - va : va - vb;
    });
    var rank = [];
    order.forEach(function (li, r) { rank[li] = order.length > 1 ? r / (order.length - 1) : 0; });
    var data = [];
    p.lines.forEach(function (l, i) {
      if (l.coordinates[ix] !== null && l.coordinates[iy] !== null) { data.push([l.coordinates[ix], l.coordinates[iy], rank[i], l.number, l.value]); }
    });
    chart('chart-rank', {
      grid: { left: 70, right: 100, top: 20, bottom: 50 },
      xAxis: axisOf(p.axes[ix]),
      yAxis: axisOf(p.axes[iy], { nameGap: 50 }),
      visualMap: { type: 'continuous', dimension: 2, min: 0, max: 1, right: 5, top: 'center', itemHeight: 200, calculable: false,
        text: ['worst', 'best'], inRange: { color: ['#08306b', '#2171b5', '#6baed6', '#c6dbef', '#f7fbff'] }, formatter: fmt },
      tooltip: { trigger: 'item', formatter: function (q) { var v = q.value; return 'trial ' + v[3] + '\nvalue: ' + fmt(v[4]) + '\nrank: ' + fmt(v[2]); } },
      series: [{ type: 'scatter', symbolSize: 7, data: data, itemStyle: { borderColor: '#555', borderWidth: 0.5 } }]
    });
  }


  function renderSlice(d) {
    var k = pick('slice', d);
    var s = d.objectives[k].slice;
    var log = checked('log-slice');
    var box = $('slice-multiples');
    box.replaceChildren();
    var total = 0, shown = 0;
    s.panels.forEach(function (panel, i) {
      var div = make('div', 'chart');
      div.id = 'chart-slice-' + i;
      box.appendChild(div);
      delete charts[div.id];
      total = Math.max(total, panel.total); shown = Math.max(shown, panel.x.length);
      var data = [];
      panel.x.forEach(function (x, j) { if (!log || panel.y[j] > 0) { data.push([x, panel.y[j], panel.numbers[j]]); } });
      var nums = extent(panel.numbers);
      chart(div.id, {
        grid: { left: 60, right: 15, top: 28, bottom: 45 },
        xAxis: axisOf(panel.axis),
        yAxis: { type: log ? 'log' : 'value', scale: true, name: objectiveLabel(d, k), axisLabel: { formatter: fmt } },
        visualMap: { show: false, dimension: 2, min: nums[0], max: nums[1], inRange: { color: ['#c6dbef', '#08306b'] } },
        tooltip: { trigger: 'item', formatter: tipTrial(2, [[panel.axis.name, 0], ['value', 1]]) },
        series: [{ type: 'scatter', symbolSize: 5, data: data, large: data.length > 2000 }]
      });
    });
    thinnedNote('note-slice', shown, total, 'trials per parameter');
  }


  function renderContour(list) {
    var sel = $('contour-select');
    var keep = sel.value;
    sel.replaceChildren();
    list.forEach(function (c, i) {
      var o = make('option', null, c.x.name + ' \u00d7 ' + c.y.name);
      o.value = String(i);
      sel.appendChild(o);
    });
    if (!list.length) {
      chart('chart-contour', { graphic: [{ type: 'text', left: 'center', top: 'middle', style: { text: 'needs two parameters and complete trials', fill: '#888' } }] });
      return;
    }
    if (keep && +keep < list.length) { sel.value = keep; }
    var c = list[+sel.value || 0];
    function labels(axis, values) {
      return values.map(function (v) { return axis.kind === 'categorical' ? axis.categories[Math.round(v)] : fmt(v); });
    }
    function every(n, labels) { return Math.max(0, Math.ceil(n / labels) - 1); }
    var heat = [];
    var zs = [];
    c.z.forEach(function (row, j) { row.forEach(function (z, i) { heat.push([i, j, z]); zs.push(z); }); });
    var ext = extent(zs.concat(c.observations.map(function (o) { return o.value; })));
    chart('chart-contour', {
      grid: { left: 70, right: 90, top: 15, bottom: 55 },
      xAxis: { type: 'category', data: labels(c.x, c.xValues), name: c.x.name, nameLocation: 'middle', nameGap: 32,
        nameTextStyle: { fontWeight: 'bold' }, axisLabel: { interval: every(c.xValues.length, 6) }, splitArea: { show: false } },
      yAxis: { type: 'category', data: labels(c.y, c.yValues), name: c.y.name, nameLocation: 'middle', nameGap: 55,
        nameTextStyle: { fontWeight: 'bold' }, axisLabel: { interval: every(c.yValues.length, 10) } },
      visualMap: { type: 'continuous', seriesIndex: 0, min: ext[0], max: ext[1], right: 0, top: 'center', itemHeight: 200,
        inRange: { color: goodColors(c.direction) }, formatter: fmt, calculable: false },
      tooltip: { trigger: 'item', formatter: function (p) {
        if (p.seriesIndex === 0) { return c.x.name + ': ' + labels(c.x, [c.xValues[p.value[0]]])[0] + '\n' + c.y.name + ': ' + labels(c.y, [c.yValues[p.value[1]]])[0] + '\ninterpolated: ' + fmt(p.value[2]); }
        return 'trial ' + p.value[3] + '\nvalue: ' + fmt(p.value[2]);
      } },
      series: [
        { type: 'heatmap', data: heat, progressive: 0 },
        { type: 'scatter', data: c.observations.map(function (o) { return [o.gx, o.gy, o.value, o.number]; }), symbolSize: 6,
          itemStyle: { color: '#fff', borderColor: '#000', borderWidth: 1 } }
      ]
    });
  }

  function renderImportance(d) {
    var k = pick('importance', d);
    var p = d.objectives[k].importance;
    var entries = p.entries.slice().reverse();
    // One row per parameter, every name shown: the chart grows with the parameter count.
    var el = $('chart-importance');
    var height = Math.max(300, 22 * entries.length + 70) + 'px';
    if (el.style.height !== height) { el.style.height = height; if (charts['chart-importance']) { charts['chart-importance'].resize(); } }
    chart('chart-importance', {
      grid: { left: 10, right: 60, top: 10, bottom: 40, containLabel: true },
      xAxis: { type: 'value', name: 'importance for ' + objectiveLabel(d, k) + ' (' + p.method + ')', nameLocation: 'middle', nameGap: 25, max: 1 },
      yAxis: { type: 'category', data: entries.map(function (e) { return e.param; }), axisLabel: { interval: 0, width: 220, overflow: 'truncate' } },
      tooltip: { trigger: 'item', formatter: function (q) { return entries[q.dataIndex].param + ': ' + fmt(q.value); } },
      series: [{ type: 'bar', data: entries.map(function (e) { return e.importance; }), itemStyle: { color: '#1f77b4' }, barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: function (q) { return fmt(q.value); } } }],
      graphic: entries.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: 'needs at least 4 complete trials', fill: '#888' } }]
    });
  }


  function renderEdf(d) {
    var k = pick('edf', d);
    var e = d.objectives[k].edf;
    chart('chart-edf', {
      grid: { left: 60, right: 20, top: 35, bottom: 40 },
      xAxis: { type: 'value', name: objectiveLabel(d, k) + ' (' + dirWord(e.direction) + ')', nameLocation: 'middle', nameGap: 25, scale: true, axisLabel: { formatter: fmt } },
      yAxis: { type: 'value', min: 0, max: 1, name: 'fraction of trials' },
      tooltip: { trigger: 'item', formatter: function (q) { return 'value <= ' + fmt(q.value[0]) + '\nfraction: ' + fmt(q.value[1]); } },
      series: [{ type: 'line', step: 'end', showSymbol: false, data: e.values.map(function (v, i) { return [v, e.cumulative[i]]; }), lineStyle: { color: '#1f77b4' } }]
    });
  }

  var PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];

  // Several studies: best-so-far histories overlaid, and their EDFs.
  function renderCompare(c, log) {
    var hist = [], edf = [];
    c.studies.forEach(function (s, i) {
      var color = PALETTE[i % PALETTE.length];
      var h = s.history;
      var pts = [];
      h.points.forEach(function (p, j) { if (!log || h.bestSoFar[j] > 0) { pts.push([p.number, h.bestSoFar[j]]); } });
      hist.push({ name: s.name, type: 'line', step: 'end', showSymbol: false, data: pts, lineStyle: { color: color, width: 2 }, itemStyle: { color: color } });
      edf.push({ name: s.name, type: 'line', step: 'end', showSymbol: false, data: s.edf.values.map(function (v, j) { return [v, s.edf.cumulative[j]]; }),
        lineStyle: { color: color, width: 2 }, itemStyle: { color: color } });
    });
    var label = c.studies.length ? c.studies[0].label : 'objective';
    chart('chart-compare-history', {
      legend: { top: 0 }, grid: { left: 70, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 25, minInterval: 1 },
      yAxis: { type: log ? 'log' : 'value', scale: true, name: 'best ' + label + ' so far', axisLabel: { formatter: fmt } },
      tooltip: { trigger: 'axis' }, series: hist
    });
    chart('chart-compare-edf', {
      legend: { top: 0 }, grid: { left: 70, right: 20, top: 40, bottom: 40 },
      xAxis: { type: log ? 'log' : 'value', scale: true, name: label, nameLocation: 'middle', nameGap: 25, axisLabel: { formatter: fmt } },
      yAxis: { type: 'value', min: 0, max: 1, name: 'fraction of trials' },
      tooltip: { trigger: 'item' }, series: edf
    });
  }

  // A trial's own learning curve.
  function renderTrialCurve(steps, values, state) {
    var data = [];
    steps.forEach(function (s, i) { if (values[i] !== null) { data.push([s, values[i]]); } });
    chart('chart-trial-intermediate', {
      grid: { left: 70, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'value', name: 'step', nameLocation: 'middle', nameGap: 25, scale: true },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: fmt } },
      tooltip: { trigger: 'item', formatter: function (q) { return 'step ' + q.value[0] + '\nvalue: ' + fmt(q.value[1]); } },
      series: [{ type: 'line', data: data, symbolSize: 5, lineStyle: { color: STATE_COLORS[state] || '#1f77b4' }, itemStyle: { color: STATE_COLORS[state] || '#1f77b4' } }],
      graphic: data.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: 'this trial reported no intermediate values', fill: '#888' } }]
    });
  }


  function renderTimeline(t) {
    var states = Object.keys(STATE_COLORS);
    var data = t.bars.map(function (b) {
      return { value: [b.worker, b.start, b.end, b.number, b.state], itemStyle: { color: STATE_COLORS[b.state] } };
    });
    chart('chart-timeline', {
      grid: { left: 70, right: 20, top: 25, bottom: 40 },
      legend: { top: 0, data: states.filter(function (s) { return t.bars.some(function (b) { return b.state === s; }); }) },
      xAxis: { type: 'time', scale: true },
      yAxis: { type: 'category', data: t.workers, inverse: true },
      tooltip: { trigger: 'item', formatter: function (q) {
        var v = q.value; return 'trial ' + v[3] + ' (' + v[4].toLowerCase() + ')\n' + t.workers[v[0]] + '\n' + fmt((v[2] - v[1]) / 1000) + ' s';
      } },
      series: [{ type: 'custom', encode: { x: [1, 2], y: 0 }, data: data,
        renderItem: function (params, api) {
          var lane = api.value(0);
          var a = api.coord([api.value(1), lane]);
          var b = api.coord([api.value(2), lane]);
          var h = Math.min(22, api.size([0, 1])[1] * 0.6);
          return { type: 'rect', shape: { x: a[0], y: a[1] - h / 2, width: Math.max(1, b[0] - a[0]), height: h },
            style: api.style({ fill: STATE_COLORS[t.bars[params.dataIndex].state] }) };
        } }].concat(states.map(function (s) { return { name: s, type: 'line', data: [], itemStyle: { color: STATE_COLORS[s] } }; }))
    });
  }

  function renderPareto(p, d) {
    var show = !!p;
    $('card-pareto').hidden = !show;
    $('card-hypervolume').hidden = !show;
    if (!show) { return; }
    var m = p.directions.length;
    var pairs = m === 2 ? [[0, 1]] : [[0, 1], [0, 2], [1, 2]];
    var n = pairs.length;
    var grids = [], xs = [], ys = [], series = [];
    pairs.forEach(function (pr, k) {
      var w = 100 / n;
      grids.push({ left: (k * w + 6) + '%', width: (w - 10) + '%', top: 35, bottom: 45 });
      xs.push({ gridIndex: k, type: 'value', scale: true, name: objectiveLabel(d, pr[0]) + ' (' + dirWord(p.directions[pr[0]]) + ')', nameLocation: 'middle', nameGap: 25, axisLabel: { formatter: fmt, hideOverlap: true } });
      ys.push({ gridIndex: k, type: 'value', scale: true, name: objectiveLabel(d, pr[1]), axisLabel: { formatter: fmt } });
      [false, true].forEach(function (front) {
        series.push({ name: front ? 'Pareto front' : 'dominated', type: 'scatter', xAxisIndex: k, yAxisIndex: k, symbolSize: front ? 8 : 5,
          itemStyle: { color: front ? '#d62728' : '#9aa0ac', opacity: front ? 1 : 0.6 },
          data: p.points.filter(function (q) { return q.front === front; }).map(function (q) { return [q.values[pr[0]], q.values[pr[1]], q.number]; }) });
      });
    });
    chart('chart-pareto', {
      legend: { top: 0, data: ['Pareto front', 'dominated'] },
      grid: grids, xAxis: xs, yAxis: ys, series: series,
      tooltip: { trigger: 'item', formatter: tipTrial(2, [['x', 0], ['y', 1]]) },
      title: m > 3 ? { text: 'first three objectives', right: 0, textStyle: { fontSize: 11 } } : undefined
    });
    chart('chart-hypervolume', {
      grid: { left: 70, right: 20, top: 25, bottom: 40 },
      xAxis: { type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 25, minInterval: 1 },
      yAxis: { type: 'value', scale: true, name: 'hypervolume', axisLabel: { formatter: fmt } },
      tooltip: { trigger: 'item', formatter: tipTrial(0, [['hypervolume', 1]]) },
      series: [{ type: 'line', step: 'end', showSymbol: false, data: p.hypervolume.map(function (h) { return [h.number, h.hypervolume]; }), lineStyle: { color: '#2ca02c' } }],
      title: { text: 'reference point: (' + p.reference.map(fmt).join(', ') + ')', right: 10, top: 0, textStyle: { fontSize: 11, fontWeight: 'normal' } }
    });
  }

  function renderGp(list, note) {
    var box = $('gp-multiples');
    box.replaceChildren();
    var model = list.length ? 'Model: ' + list[0].model + '.' : '';
    var clip = list.filter(function (g) { return g.clippedBelow !== null; }).length
      ? ' The ' + list[0].acquisition + ' axis starts ' + fmt(30) + ' below its peak; lower values are drawn at that floor.' : '';
    text($('gp-note'), [model + clip, note || ''].filter(function (x) { return x; }).join(' '));
    $('gp-note').hidden = !(note || model);
    text($('gp-title'), list.length && list[0].next === null
      ? 'GP view (fitted for this view only): posterior and acquisition along a slice through the best trial'
      : 'GP view: the sampler\'s posterior and acquisition along a slice through the best trial');
    list.forEach(function (g, i) {
      var div = make('div', 'chart gp');
      div.id = 'chart-gp-' + i;
      box.appendChild(div);
      delete charts[div.id];
      var line = function (ys) { return g.x.map(function (x, j) { return [x, ys[j]]; }); };
      var categorical = g.axis.kind === 'categorical';
      // Vertical rules as two-point line series (markLine mis-places values on log axes).
      var lo = Math.min.apply(null, g.lower.concat(g.observations.map(function (o) { return o.value; })));
      var hi = Math.max.apply(null, g.upper.concat(g.observations.map(function (o) { return o.value; })));
      var alo = Math.min.apply(null, g.acquisitionValues), ahi = Math.max.apply(null, g.acquisitionValues);
      function rule(name, x, k, y0, y1, color, dash) {
        return { name: name, type: 'line', xAxisIndex: k, yAxisIndex: k, data: [[x, y0], [x, y1]], showSymbol: false, silent: true,
          lineStyle: { color: color, type: dash ? 'dashed' : 'solid', width: 1.5 }, itemStyle: { color: color }, z: 3 };
      }
      var rules = [rule('best trial', g.best, 0, lo, hi, '#2ca02c', true), rule('best trial', g.best, 1, alo, ahi, '#2ca02c', true)];
      if (g.next !== null) { rules.push(rule('next proposal', g.next, 0, lo, hi, '#d62728', false), rule('next proposal', g.next, 1, alo, ahi, '#d62728', false)); }
      var xa = function (k) { return axisOf(g.axis, { gridIndex: k, nameGap: k ? 28 : 0, name: k ? g.axis.name : '', axisLabel: k ? { formatter: fmt, hideOverlap: true } : { show: false } }); };
      chart(div.id, {
        legend: { top: 0, itemWidth: 14, itemGap: 8, textStyle: { fontSize: 11 }, data: ['mean', '\u00b12 sd', 'trials', 'best trial'].concat(g.next !== null ? ['next proposal'] : [], [g.acquisition]) },
        grid: [{ left: 78, right: 20, top: 62, height: '46%' }, { left: 78, right: 20, top: '72%', bottom: 45 }],
        xAxis: [xa(0), xa(1)],
        yAxis: [{ gridIndex: 0, type: 'value', scale: true, name: 'objective', axisLabel: { formatter: fmt } },
          { gridIndex: 1, type: 'value', scale: true, name: g.acquisition, axisLabel: { formatter: fmt }, splitNumber: 2,
            min: g.clippedBelow !== null ? g.clippedBelow : undefined }],
        tooltip: { trigger: 'item', formatter: function (q) { return q.seriesName + '\n' + g.axis.name + ': ' + fmt(q.value[0]) + '\n' + fmt(q.value[1]); } },
        series: [
          { name: '\u00b12 sd', type: 'custom', xAxisIndex: 0, yAxisIndex: 0, data: line(g.upper).concat(line(g.lower)), silent: true, z: 1,
            renderItem: function (params, api) {
              if (params.dataIndex !== 0) { return null; }
              var fill = { fill: 'rgba(31,119,180,0.18)' };
              if (categorical) {
                // One box per choice: a band between choices would mean nothing.
                var w = api.size([1, 0])[0] * 0.3;
                return { type: 'group', children: g.x.map(function (x, j) {
                  var top = api.coord([x, g.upper[j]]), bottom = api.coord([x, g.lower[j]]);
                  return { type: 'rect', shape: { x: top[0] - w / 2, y: top[1], width: w, height: bottom[1] - top[1] }, style: fill };
                }) };
              }
              var up = g.x.map(function (x, j) { return api.coord([x, g.upper[j]]); });
              var lo = g.x.map(function (x, j) { return api.coord([x, g.lower[j]]); }).reverse();
              return { type: 'polygon', shape: { points: up.concat(lo) }, style: fill };
            }, itemStyle: { color: 'rgba(31,119,180,0.3)' } },
          { name: 'mean', type: 'line', xAxisIndex: 0, yAxisIndex: 0, data: line(g.mean), showSymbol: categorical, symbol: 'rect', symbolSize: [18, 3],
            lineStyle: { color: '#1f77b4', width: categorical ? 0 : 2 }, itemStyle: { color: '#1f77b4' } },
          { name: 'trials', type: 'scatter', xAxisIndex: 0, yAxisIndex: 0, symbolSize: 5, itemStyle: { color: '#000' },
            data: g.observations.map(function (o) { return [o.x, o.value, o.number]; }) },
          { name: g.acquisition, type: categorical ? 'bar' : 'line', barWidth: '30%', xAxisIndex: 1, yAxisIndex: 1, data: line(g.acquisitionValues), showSymbol: false,
            lineStyle: { color: '#9467bd', width: 2 }, itemStyle: { color: '#9467bd' }, areaStyle: { color: 'rgba(148,103,189,0.12)' } }
        ].concat(rules)
      });
    });
  }

  // Parameter values arrive as strings; long decimals are shortened for reading.
  function num(s) { return /^-?\d+\.\d{5,}(E-?\d+)?$/i.test(s) ? fmt(Number(s)) : s; }

  function render(d) {
    current = d;
    renderHeader(d);
    var single = d.directions.length === 1;
    var any = d.counts.COMPLETE > 0;
    $('no-trials').hidden = any;
    text($('no-trials'), d.counts.FAIL > 0 && !any
      ? 'No trial of this study completed: all ' + d.counts.FAIL + ' finished trials failed. The table below shows why; the plots appear once a trial completes.'
      : 'No trial of this study has completed yet; the plots fill in as trials complete.');
    // Without a complete trial, the plots would be empty frames: hide them, keep the table.
    document.querySelectorAll('.card.plot').forEach(function (c) { c.hidden = !any; });
    $('card-gp').hidden = !single || !any;
    var parts = [
      function () { renderHistory(d); },
      function () { renderPareto(d.pareto, d); },
      function () { renderImportance(d); },
      function () { if (single) { renderGp(d.gp, d.gpNote); } },
      function () { renderParallel(d); },
      function () { renderRank(d); },
      function () { renderSlice(d); },
      function () { renderContour(d.contours); },
      function () { renderIntermediate(d.intermediate); },
      function () { renderEdf(d); },
      function () { renderTimeline(d.timeline); }
    ];
    parts.forEach(function (f) {
      if (!any) { return; }
      try { f(); } catch (e) { if (window.console) { console.error('hpo4j: a plot failed to draw', e); } }
    });
    if (!any) { $('card-pareto').hidden = true; $('card-hypervolume').hidden = true; }
  }

  return {
    render: render,
    redraw: function () { if (current) { render(current); } },
    redrawContour: function () { if (current) { renderContour(current.contours); } },
    resize: function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); },
    current: function () { return current; },
    chart: chart, fmt: fmt, make: make, text: text, num: num, objectiveLabel: objectiveLabel,
    renderCompare: renderCompare, renderTrialCurve: renderTrialCurve, STATE_COLORS: STATE_COLORS
  };
})();
