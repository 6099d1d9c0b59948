/*
 * hpo4j page: routes between a study, a trial's own page and a comparison of studies, with
 * hpo4jPlots (plots.js) drawing. In a report the data is embedded in the page and the table is
 * queried here; on the live dashboard the page polls the server's JSON endpoints, redraws only when
 * the study changed, and asks the server for each page of the table. Strings from the server reach
 * the DOM only through textContent.
 */
(function () {
  'use strict';
  var plots = window.hpo4jPlots;
  var make = plots.make, text = plots.text, fmt = plots.fmt;
  var mode = document.body.getAttribute('data-mode');
  var writable = document.body.getAttribute('data-writable') === 'true';
  var STATES = ['COMPLETE', 'PRUNED', 'FAIL', 'RUNNING', 'WAITING'];
  var table = { sort: 'number', desc: true, page: 0, size: 50, states: {}, q: '', filter: '' };
  var lastVersion = null;
  var embedded = null;

  function $(id) { return document.getElementById(id); }

  // Routes: #study=NAME, #study=NAME&trial=N, #compare=NAME%0ANAME.
  function route() {
    var p = new URLSearchParams((location.hash || '').replace(/^#/, ''));
    return { study: p.get('study'), trial: p.has('trial') ? +p.get('trial') : null, compare: p.has('compare') ? p.get('compare') : null };
  }
  function go(r) {
    var p = new URLSearchParams();
    if (r.compare !== undefined && r.compare !== null) { p.set('compare', r.compare); }
    else {
      if (r.study) { p.set('study', r.study); }
      if (r.trial !== null && r.trial !== undefined) { p.set('trial', String(r.trial)); }
    }
    location.hash = p.toString();
  }
  function show(view) {
    ['view-study', 'view-trial', 'view-compare'].forEach(function (v) { $(v).hidden = v !== view; });
  }

  function getJson(url) {
    return fetch(url, { cache: 'no-store' }).then(function (r) {
      if (!r.ok) { return r.text().then(function (t) { throw new Error(t || (url + ': HTTP ' + r.status)); }); }
      return r.json();
    });
  }

  // ---- the trials table ------------------------------------------------------------------------
  STATES.forEach(function (s) {
    var l = make('label', 'state-toggle');
    var c = document.createElement('input');
    c.type = 'checkbox'; c.value = s; c.checked = true; c.id = 'state-' + s;
    c.addEventListener('change', function () { table.states[s] = !c.checked; table.page = 0; loadTable(); });
    l.appendChild(c); l.appendChild(document.createTextNode(' ' + s.toLowerCase() + ' '));
    $('trial-states').appendChild(l);
  });
  var typing = null;
  function onInput(id, key) {
    $(id).addEventListener('input', function () {
      clearTimeout(typing);
      typing = setTimeout(function () { table[key] = $(id).value; table.page = 0; loadTable(); }, 250);
    });
  }
  onInput('trial-search', 'q');
  onInput('trial-filter', 'filter');
  $('trial-prev').addEventListener('click', function () { if (table.page > 0) { table.page--; loadTable(); } });
  $('trial-next').addEventListener('click', function () { table.page++; loadTable(); });

  function tableQuery() {
    return { sort: table.sort, desc: String(table.desc), page: String(table.page), size: String(table.size),
      states: STATES.filter(function (s) { return !table.states[s]; }).join(','), q: table.q, filter: table.filter };
  }

  // The report's copy of the server's query (TrialTable.java): same words, over the embedded rows.
  function localQuery(rows, q) {
    var states = q.states ? q.states.split(',') : [];
    var search = q.q.trim().toLowerCase();
    var conds = q.filter.split(';').filter(function (c) { return c.trim(); }).map(function (c) {
      var m = /^\s*([^<>=!]+?)\s*(<=|>=|!=|<|>|=)\s*(\S+)\s*$/.exec(c);
      if (!m || isNaN(Number(m[3]))) { throw new Error("filter must be conditions like 'lr < 0.01; value <= 3' joined by ';', but got '" + c.trim() + "'"); }
      return { name: m[1], op: m[2], v: Number(m[3]) };
    });
    function valueOf(r, name) {
      var vm = /^value(\d*)$/.exec(name);
      var x = vm ? r.values[vm[1] ? +vm[1] : 0] : (name in r.params ? Number(r.params[name]) : null);
      return x === undefined || x === null || isNaN(x) ? null : x;
    }
    var hits = rows.filter(function (r) {
      if (states.indexOf(r.state) < 0) { return false; }
      if (search) {
        var t = ('#' + r.number + ' ' + Object.keys(r.params).map(function (k) { return k + '=' + r.params[k]; }).join(' ') + ' '
          + Object.keys(r.userAttrs).map(function (k) { return k + '=' + r.userAttrs[k]; }).join(' ') + ' ' + (r.failReason || '')).toLowerCase();
        if (t.indexOf(search) < 0) { return false; }
      }
      return conds.every(function (c) {
        var x = valueOf(r, c.name);
        if (x === null) { return false; }
        return c.op === '<' ? x < c.v : c.op === '<=' ? x <= c.v : c.op === '>' ? x > c.v : c.op === '>=' ? x >= c.v : c.op === '=' ? x === c.v : x !== c.v;
      });
    });
    function key(r) {
      if (q.sort === 'number') { return r.number; }
      if (q.sort === 'state') { return r.state; }
      if (q.sort === 'duration') { return r.durationMillis; }
      if (q.sort.indexOf('value:') === 0) { var v = r.values[+q.sort.slice(6)]; return v === undefined ? null : v; }
      var p = r.params[q.sort.slice(6)];
      return p === undefined ? null : (isNaN(Number(p)) ? p : Number(p));
    }
    var desc = q.desc === 'true';
    hits.sort(function (a, b) {
      var ka = key(a), kb = key(b);
      if (ka === null || kb === null) { return ka === kb ? a.number - b.number : (ka === null ? 1 : -1); }
      var c = ka < kb ? -1 : ka > kb ? 1 : 0;
      return (desc ? -c : c) || a.number - b.number;
    });
    var size = +q.size, page = +q.page;
    return { total: hits.length, page: page, size: size, rows: hits.slice(page * size, page * size + size) };
  }

  function loadTable() {
    var d = plots.current();
    if (!d) { return Promise.resolve(); }
    var q = tableQuery();
    var p;
    if (mode === 'report') {
      p = new Promise(function (ok) { ok(localQuery(embedded.trials, q)); });
    } else {
      var url = 'api/trials?study=' + encodeURIComponent(d.name) + '&' + new URLSearchParams(q).toString();
      p = getJson(url);
    }
    return p.then(function (t) { text($('trial-error'), ''); drawTable(d, t); })
      .catch(function (e) { text($('trial-error'), e.message); });
  }

  function drawTable(d, t) {
    var pages = Math.max(1, Math.ceil(t.total / t.size));
    if (table.page >= pages && t.total > 0) { table.page = pages - 1; loadTable(); return; }
    text($('trial-page'), 'page ' + (t.page + 1) + ' of ' + pages);
    var carried = mode === 'report' && embedded.trials.length < Object.values(d.counts).reduce(function (a, b) { return a + b; }, 0);
    text($('trial-total'), t.total + ' matching' + (carried ? ' (this report carries the latest ' + embedded.trials.length + ' trials)' : ''));
    var el = $('trials');
    el.replaceChildren();
    var params = [], attrs = [];
    t.rows.forEach(function (r) {
      Object.keys(r.params).forEach(function (k) { if (params.indexOf(k) < 0) { params.push(k); } });
      Object.keys(r.userAttrs).forEach(function (k) { if (attrs.indexOf(k) < 0) { attrs.push(k); } });
    });
    var cols = [['#', 'number'], ['state', 'state']]
      .concat(d.directions.map(function (x, i) { return [plots.objectiveLabel(d, i), 'value:' + i]; }),
        [['seconds', 'duration']], params.map(function (p) { return [p, 'param:' + p]; }),
        attrs.map(function (a) { return ['attr ' + a, null]; }), [['fail reason', null]]);
    var head = el.appendChild(make('thead')).appendChild(make('tr'));
    cols.forEach(function (c) {
      var th = head.appendChild(make('th', null, c[0]));
      if (c[1]) {
        th.setAttribute('data-sort', c[1]);
        if (table.sort === c[1]) { th.className = table.desc ? 'sorted-desc' : 'sorted-asc'; }
        th.addEventListener('click', function () {
          if (table.sort === c[1]) { table.desc = !table.desc; } else { table.sort = c[1]; table.desc = false; }
          table.page = 0; loadTable();
        });
      }
    });
    var body = el.appendChild(make('tbody'));
    t.rows.forEach(function (r) {
      var tr = body.appendChild(make('tr'));
      tr.setAttribute('data-number', String(r.number));
      tr.addEventListener('click', function () { go({ study: d.name, trial: r.number }); });
      tr.appendChild(make('td', null, r.number));
      tr.appendChild(make('td', r.state, r.state.toLowerCase()));
      d.directions.forEach(function (x, i) { tr.appendChild(make('td', null, fmt(r.values[i]))); });
      tr.appendChild(make('td', null, r.durationMillis === null ? '' : fmt(r.durationMillis / 1000)));
      params.forEach(function (k) { tr.appendChild(make('td', null, k in r.params ? plots.num(r.params[k]) : '')); });
      attrs.forEach(function (k) { tr.appendChild(make('td', null, k in r.userAttrs ? r.userAttrs[k] : '')); });
      var reason = tr.appendChild(make('td', 'reason', r.failReason || ''));
      reason.title = r.failReason || '';
    });
  }

  // ---- notes -----------------------------------------------------------------------------------
  function drawNote(prefix, note, save) {
    text($(prefix + '-note-text'), note.body || (writable ? '' : 'no note'));
    $(prefix + '-note-editor').hidden = !writable;
    var area = $(prefix + '-note-edit');
    if (document.activeElement !== area) { area.value = note.body || ''; }
    $(prefix + '-note-save').onclick = function () {
      text($(prefix + '-note-status'), 'saving...');
      save(note.version + 1, area.value).then(function (saved) {
        note.version = saved.version; note.body = saved.body;
        text($(prefix + '-note-text'), saved.body);
        text($(prefix + '-note-status'), 'saved (version ' + saved.version + ')');
      }).catch(function (e) { text($(prefix + '-note-status'), e.message); });
    };
  }
  function saveNote(study, trial, version, body) {
    return fetch('api/note', { method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-Hpo4j-Write': '1' },
      body: JSON.stringify({ study: study, trial: trial, version: version, body: body }) }).then(function (r) {
      if (r.status === 409) { return r.json().then(function (n) { throw new Error('someone else saved version ' + n.version + ' first; reload to see it'); }); }
      if (!r.ok) { return r.text().then(function (t) { throw new Error(t); }); }
      return r.json();
    });
  }

  // ---- a study ---------------------------------------------------------------------------------
  function drawStudy(d) {
    show('view-study');
    plots.render(d);
    $('card-note').hidden = !writable && !(d.note && d.note.body);
    drawNote('study', d.note, function (v, b) { return saveNote(d.name, null, v, b); });
    return loadTable();
  }

  // ---- a trial's page --------------------------------------------------------------------------
  function kv(id, map) {
    var el = $(id);
    el.replaceChildren();
    Object.keys(map).forEach(function (k) {
      var tr = el.appendChild(make('tr'));
      tr.appendChild(make('td', null, k));
      tr.appendChild(make('td', null, map[k]));
    });
    if (!Object.keys(map).length) { el.appendChild(make('tr')).appendChild(make('td', 'note', 'none')); }
  }
  function drawTrial(t) {
    show('view-trial');
    var r = t.row;
    text($('study-name'), t.study);
    text($('trial-title'), 'trial ' + r.number);
    var st = $('trial-state'); text(st, r.state.toLowerCase()); st.className = 'state ' + r.state;
    $('back-to-study').onclick = function (e) { e.preventDefault(); go({ study: t.study }); };
    $('trial-fail-reason').hidden = !r.failReason;
    text($('trial-fail-reason'), r.failReason ? 'failed: ' + r.failReason : '');
    var values = {};
    (t.objectiveLabels || []).forEach(function (l, i) { values[l] = fmt(r.values[i]); });
    if (r.durationMillis !== null) { values.seconds = fmt(r.durationMillis / 1000); }
    if (t.start) { values.started = t.start; }
    if (t.complete) { values.finished = t.complete; }
    kv('trial-values', values);
    var ps = {};
    Object.keys(r.params).forEach(function (k) { ps[k] = plots.num(r.params[k]); });
    kv('trial-params', ps);
    kv('trial-attrs', r.userAttrs);
    kv('trial-sysattrs', t.systemAttrs || {});
    var retries = $('trial-retries');
    retries.hidden = !(t.retries && t.retries.length) && r.retryOf === null;
    text(retries, (r.retryOf !== null ? 're-runs trial ' + r.retryOf + ' (its worker died). ' : '')
      + (t.retries && t.retries.length ? 'same retry chain: trials ' + t.retries.join(', ') : ''));
    plots.renderTrialCurve(t.steps, t.intermediate, r.state);
    drawNote('trial', t.note, function (v, b) { return saveNote(t.study, r.number, v, b); });
  }
  function reportTrial(d, n) {
    var row = embedded.trials.filter(function (r) { return r.number === n; })[0];
    if (!row) { show('view-trial'); text($('trial-title'), 'trial ' + n + ' is not carried by this report'); return; }
    var curve = d.intermediate.curves.filter(function (c) { return c.number === n; })[0];
    drawTrial({ row: row, study: d.name, objectiveLabels: d.objectiveLabels, steps: curve ? curve.steps : [],
      intermediate: curve ? curve.values : [], systemAttrs: null, retries: [],
      note: (d.trialNotes && d.trialNotes[n]) || { version: 0, body: '' } });
  }

  // ---- comparing studies -----------------------------------------------------------------------
  var compareList = [];
  function drawCompare(names, all) {
    show('view-compare');
    text($('study-name'), 'compare studies');
    $('counts').replaceChildren();
    var box = $('compare-studies');
    if (box.getAttribute('data-all') !== all.join('\n')) {
      box.replaceChildren();
      all.forEach(function (n) {
        var l = make('label', 'axis-choice');
        var c = document.createElement('input');
        c.type = 'checkbox'; c.value = n; c.className = 'compare-study';
        c.addEventListener('change', function () {
          var on = [].slice.call(box.querySelectorAll('input:checked')).map(function (x) { return x.value; });
          go({ compare: on.join('\n') });
        });
        l.appendChild(c); l.appendChild(document.createTextNode(' ' + n));
        box.appendChild(l);
      });
      box.setAttribute('data-all', all.join('\n'));
    }
    box.querySelectorAll('input').forEach(function (c) { c.checked = names.indexOf(c.value) >= 0; });
    text($('compare-note'), names.length ? '' : 'pick two or more studies');
    compareList = names;
    if (!names.length) { plots.renderCompare({ studies: [] }, false); return Promise.resolve(); }
    return getJson('api/compare?studies=' + encodeURIComponent(names.join('\n'))).then(function (c) {
      plots.renderCompare(c, $('log-compare').checked);
    });
  }

  // ---- wiring ----------------------------------------------------------------------------------
  ['log-history', 'log-slice'].concat([].slice.call(document.querySelectorAll('select.objective')).map(function (s) { return s.id; }), ['rank-x', 'rank-y'])
    .forEach(function (id) { $(id).addEventListener('change', plots.redraw); });
  $('contour-select').addEventListener('change', plots.redrawContour);
  window.addEventListener('resize', plots.resize);

  if (mode === 'report') {
    embedded = JSON.parse($('hpo-data').textContent);
    $('nav-compare').hidden = true;
    var shownFirst = false;
    var reportRoute = function () {
      var r = route();
      if (r.trial !== null) { if (!shownFirst) { plots.render(embedded); shownFirst = true; } reportTrial(embedded, r.trial); return; }
      shownFirst = true;
      drawStudy(embedded);
    };
    window.addEventListener('hashchange', reportRoute);
    reportRoute();
    return;
  }

  // Live mode: poll the server; redraw only when the study changed.
  var select = $('study-select');
  $('picker').hidden = false;
  var studies = [];

  function refreshStudies() {
    return getJson('api/studies').then(function (list) {
      studies = list;
      var names = list.map(function (s) { return s.name; });
      if (select.options.length !== names.length || names.some(function (n, i) { return select.options[i].value !== n; })) {
        select.replaceChildren();
        list.forEach(function (s) { var o = make('option'); o.value = s.name; select.appendChild(o); });
      }
      // The counts change on every poll, the names rarely: relabel every time.
      list.forEach(function (s, i) { text(select.options[i], s.name + ' (' + s.trialCount + ')'); });
      $('empty').hidden = list.length > 0;
      text($('empty'), list.length ? '' : 'This storage has no study yet; the page refreshes as studies appear.');
      return list;
    });
  }

  function refresh() {
    return refreshStudies().then(function (list) {
      var r = route();
      if (r.compare !== null) {
        var names = r.compare.split('\n').filter(function (x) { return x; });
        if (names.join('\n') === compareList.join('\n') && $('view-compare').hidden === false && lastVersion === 'compare') { return null; }
        lastVersion = 'compare';
        return drawCompare(names, list.map(function (s) { return s.name; }));
      }
      var name = r.study || (list.length ? list[list.length - 1].name : null);
      if (name === null) { return null; }
      select.value = name;
      return getJson('api/study?name=' + encodeURIComponent(name)).then(function (d) {
        text($('status'), 'live \u00b7 updated ' + new Date().toLocaleTimeString());
        var shown = plots.current();
        var key = (d.liveVersion || d.version) + '|' + (r.trial === null ? '' : r.trial);
        if (key !== lastVersion || !shown || shown.name !== d.name) {
          lastVersion = key;
          if (r.trial !== null) {
            if (!shown || shown.name !== d.name) { plots.render(d); }
            return getJson('api/trial?study=' + encodeURIComponent(d.name) + '&number=' + r.trial).then(drawTrial);
          }
          return drawStudy(d);
        }
        return null;
      });
    }).catch(function (e) {
      text($('status'), 'offline: ' + e.message);
    });
  }

  select.addEventListener('change', function () { go({ study: select.value }); });
  $('log-compare').addEventListener('change', function () { lastVersion = null; refresh(); });
  window.addEventListener('hashchange', function () { lastVersion = null; table.page = 0; refresh(); });
  // The next poll starts 2 s after the previous one ended, so a slow server is never flooded.
  function loop() { refresh().then(function () { setTimeout(loop, 2000); }); }
  loop();
})();
