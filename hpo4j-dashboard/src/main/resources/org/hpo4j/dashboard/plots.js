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

  function renderHeader(d) {
    text($('study-name'), d.name);
    document.title = 'hpo4j: ' + d.name;
    var counts = $('counts');
    counts.replaceChildren();
    counts.appendChild(make('span', null, d.directions.map(dirWord).join(', ')));
    Object.keys(d.counts).forEach(function (k) {
      if (d.counts[k] > 0) { counts.appendChild(make('span', null, k.toLowerCase() + ' ' + d.counts[k])); }
    });
    var h = d.history;
    if (d.directions.length === 1 && h.points.length) {
      var best = h.bestSoFar[h.bestSoFar.length - 1];
      var at = h.points.filter(function (p) { return p.value === best; })[0];
      counts.appendChild(make('span', 'best', 'best ' + fmt(best) + ' (trial ' + at.number + ')'));
    }
  }

  function renderHistory(h) {
    var pts = h.points.map(function (p) { return [p.number, p.value]; });
    var best = h.points.map(function (p, i) { return [p.number, h.bestSoFar[i]]; });
    chart('chart-history', {
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 30, bottom: 40 },
      xAxis: { type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 25, minInterval: 1 },
      yAxis: { type: 'value', name: 'objective 0', scale: true, axisLabel: { formatter: fmt } },
      tooltip: { trigger: 'item', formatter: tipTrial(0, [['value', 1]]) },
      series: [
        { name: 'objective value', type: 'scatter', data: pts, symbolSize: 6, itemStyle: { color: '#1f77b4' } },
        { name: 'best so far', type: 'line', step: 'end', data: best, showSymbol: false, lineStyle: { color: '#d62728', width: 2 }, itemStyle: { color: '#d62728' } }
      ]
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

  function renderParallel(p) {
    var axes = [{ dim: 0, name: 'objective', type: 'value', scale: true, axisLabel: { formatter: fmt } }];
    p.axes.forEach(function (a, i) {
      var o = { dim: i + 1, name: a.name, axisLabel: { formatter: fmt } };
      if (a.kind === 'categorical') { o.type = 'category'; o.data = a.categories; o.axisLabel = { backgroundColor: 'rgba(255,255,255,0.85)', padding: [1, 3], fontWeight: 'bold' }; }
      else { o.type = a.log ? 'log' : 'value'; o.min = a.low; o.max = a.high; }
      axes.push(o);
    });
    var ys = p.lines.map(function (l) { return l.value; });
    var ext = extent(ys);
    chart('chart-parallel', {
      parallel: { left: 60, right: 80, top: 40, bottom: 30, parallelAxisDefault: { nameTextStyle: { fontWeight: 'bold' }, nameGap: 12 } },
      parallelAxis: axes,
      visualMap: { show: true, type: 'continuous', dimension: 0, min: ext[0], max: ext[1], right: 0, top: 'center', itemHeight: 200,
        inRange: { color: goodColors(p.direction) }, formatter: fmt, calculable: false },
      series: [{ type: 'parallel', lineStyle: { width: 1.2, opacity: 0.6 },
        data: p.lines.map(function (l) { return [l.value].concat(l.coordinates.map(function (c) { return c === null ? '-' : c; })); }) }]
    });
  }

  function renderSlice(s) {
    var box = $('slice-multiples');
    box.replaceChildren();
    s.panels.forEach(function (panel, i) {
      var div = make('div', 'chart');
      div.id = 'chart-slice-' + i;
      box.appendChild(div);
      delete charts[div.id];
      var data = panel.x.map(function (x, j) { return [x, panel.y[j], panel.numbers[j]]; });
      var nums = extent(panel.numbers);
      chart(div.id, {
        grid: { left: 55, right: 15, top: 15, bottom: 45 },
        xAxis: axisOf(panel.axis),
        yAxis: { type: 'value', scale: true, axisLabel: { formatter: fmt } },
        visualMap: { show: false, dimension: 2, min: nums[0], max: nums[1], inRange: { color: ['#c6dbef', '#08306b'] } },
        tooltip: { trigger: 'item', formatter: tipTrial(2, [[panel.axis.name, 0], ['value', 1]]) },
        series: [{ type: 'scatter', symbolSize: 6, data: data }]
      });
    });
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

  function renderImportance(p) {
    var entries = p.entries.slice().reverse();
    chart('chart-importance', {
      grid: { left: 120, right: 50, top: 10, bottom: 40 },
      xAxis: { type: 'value', name: 'importance (' + p.method + ')', nameLocation: 'middle', nameGap: 25, max: 1 },
      yAxis: { type: 'category', data: entries.map(function (e) { return e.param; }), axisLabel: { width: 110, overflow: 'truncate' } },
      tooltip: { trigger: 'item', formatter: function (q) { return entries[q.dataIndex].param + ': ' + fmt(q.value); } },
      series: [{ type: 'bar', data: entries.map(function (e) { return e.importance; }), itemStyle: { color: '#1f77b4' },
        label: { show: true, position: 'right', formatter: function (q) { return fmt(q.value); } } }],
      graphic: entries.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: 'needs at least 4 complete trials', fill: '#888' } }]
    });
  }

  function renderEdf(e) {
    chart('chart-edf', {
      grid: { left: 60, right: 20, top: 35, bottom: 40 },
      xAxis: { type: 'value', name: 'objective 0 (' + dirWord(e.direction) + ')', nameLocation: 'middle', nameGap: 25, scale: true, axisLabel: { formatter: fmt } },
      yAxis: { type: 'value', min: 0, max: 1, name: 'fraction of trials' },
      tooltip: { trigger: 'item', formatter: function (q) { return 'value <= ' + fmt(q.value[0]) + '\nfraction: ' + fmt(q.value[1]); } },
      series: [{ type: 'line', step: 'end', showSymbol: false, data: e.values.map(function (v, i) { return [v, e.cumulative[i]]; }), lineStyle: { color: '#1f77b4' } }]
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

  function renderPareto(p) {
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
      xs.push({ gridIndex: k, type: 'value', scale: true, name: 'objective ' + pr[0] + ' (' + dirWord(p.directions[pr[0]]) + ')', nameLocation: 'middle', nameGap: 25, axisLabel: { formatter: fmt, hideOverlap: true } });
      ys.push({ gridIndex: k, type: 'value', scale: true, name: 'objective ' + pr[1], axisLabel: { formatter: fmt } });
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
    text($('gp-note'), note || '');
    $('gp-note').hidden = !note;
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
        legend: { top: 0, itemWidth: 14, itemGap: 8, textStyle: { fontSize: 11 }, data: ['mean', '\u00b12 sd', 'trials', 'best trial', 'next proposal', g.acquisition] },
        grid: [{ left: 78, right: 20, top: 62, height: '46%' }, { left: 78, right: 20, top: '72%', bottom: 45 }],
        xAxis: [xa(0), xa(1)],
        yAxis: [{ gridIndex: 0, type: 'value', scale: true, name: 'objective', axisLabel: { formatter: fmt } },
          { gridIndex: 1, type: 'value', scale: true, name: g.acquisition, axisLabel: { formatter: fmt }, splitNumber: 2 }],
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

  function renderTrials(rows, directions) {
    var table = $('trials');
    table.replaceChildren();
    var params = [], attrs = [];
    rows.forEach(function (r) {
      Object.keys(r.params).forEach(function (k) { if (params.indexOf(k) < 0) { params.push(k); } });
      Object.keys(r.userAttrs).forEach(function (k) { if (attrs.indexOf(k) < 0) { attrs.push(k); } });
    });
    var head = table.appendChild(make('thead')).appendChild(make('tr'));
    ['#', 'state'].concat(directions.map(function (d, i) { return 'value ' + i; }), ['seconds'], params, attrs.map(function (a) { return 'attr ' + a; }))
      .forEach(function (h) { head.appendChild(make('th', null, h)); });
    var body = table.appendChild(make('tbody'));
    rows.forEach(function (r) {
      var tr = body.appendChild(make('tr'));
      tr.appendChild(make('td', null, r.number));
      tr.appendChild(make('td', r.state, r.state.toLowerCase()));
      directions.forEach(function (d, i) { tr.appendChild(make('td', null, fmt(r.values[i]))); });
      tr.appendChild(make('td', null, r.durationMillis === null ? '' : fmt(r.durationMillis / 1000)));
      params.forEach(function (k) { tr.appendChild(make('td', null, k in r.params ? num(r.params[k]) : '')); });
      attrs.forEach(function (k) { tr.appendChild(make('td', null, k in r.userAttrs ? r.userAttrs[k] : '')); });
    });
  }

  function render(d) {
    current = d;
    renderHeader(d);
    var single = d.directions.length === 1;
    $('no-trials').hidden = d.counts.COMPLETE > 0;
    $('card-gp').hidden = !single;
    var parts = [
      function () { renderHistory(d.history); },
      function () { renderPareto(d.pareto); },
      function () { renderImportance(d.importance); },
      function () { if (single) { renderGp(d.gp, d.gpNote); } },
      function () { renderParallel(d.parallel); },
      function () { renderSlice(d.slice); },
      function () { renderContour(d.contours); },
      function () { renderIntermediate(d.intermediate); },
      function () { renderEdf(d.edf); },
      function () { renderTimeline(d.timeline); },
      function () { renderTrials(d.trials, d.directions); }
    ];
    parts.forEach(function (f) {
      try { f(); } catch (e) { if (window.console) { console.error('hpo4j: a plot failed to draw', e); } }
    });
  }

  return {
    render: render,
    redrawContour: function () { if (current) { renderContour(current.contours); } },
    resize: function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); },
    current: function () { return current; }
  };
})();
