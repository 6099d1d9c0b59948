/*
 * hpo4j page: shows one study with hpo4jPlots (plots.js). In a report the data is embedded in the
 * page; on the live dashboard the page polls the server's JSON endpoints and redraws when the study
 * changed. Strings from the server reach the DOM only through textContent.
 */
(function () {
  'use strict';
  var plots = window.hpo4jPlots;
  var lastVersion = null;
  var mode = document.body.getAttribute('data-mode');

  function $(id) { return document.getElementById(id); }
  function text(el, s) { el.textContent = s === null || s === undefined ? '' : String(s); return el; }
  function make(tag, s) { var el = document.createElement(tag); text(el, s); return el; }

  $('contour-select').addEventListener('change', plots.redrawContour);
  window.addEventListener('resize', plots.resize);

  if (mode === 'report') {
    plots.render(JSON.parse($('hpo-data').textContent));
    return;
  }

  // Live mode: poll the server's JSON endpoints; redraw only when the study changed.
  var select = $('study-select');
  $('picker').hidden = false;

  function selected() {
    var h = decodeURIComponent((location.hash || '').replace(/^#study=/, ''));
    return h || null;
  }

  function getJson(url) {
    return fetch(url, { cache: 'no-store' }).then(function (r) {
      if (!r.ok) { throw new Error(url + ': HTTP ' + r.status); }
      return r.json();
    });
  }

  function refreshStudies() {
    return getJson('api/studies').then(function (studies) {
      var want = selected() || (studies.length ? studies[studies.length - 1].name : null);
      var names = studies.map(function (s) { return s.name; });
      if (select.options.length !== names.length || names.some(function (n, i) { return select.options[i].value !== n; })) {
        select.replaceChildren();
        studies.forEach(function (s) {
          var o = make('option', s.name + ' (' + s.trialCount + ')');
          o.value = s.name;
          select.appendChild(o);
        });
      }
      if (want !== null) { select.value = want; }
      $('empty').hidden = studies.length > 0;
      text($('empty'), studies.length ? '' : 'This storage has no study yet; the page refreshes as studies appear.');
      return want;
    });
  }

  function refresh() {
    return refreshStudies().then(function (name) {
      if (name === null) { return null; }
      return getJson('api/study?name=' + encodeURIComponent(name)).then(function (d) {
        text($('status'), 'live \u00b7 updated ' + new Date().toLocaleTimeString());
        var shown = plots.current();
        if (d.version !== lastVersion || !shown || shown.name !== d.name) {
          lastVersion = d.version;
          plots.render(d);
        }
      });
    }).catch(function (e) {
      text($('status'), 'offline: ' + e.message);
    });
  }

  select.addEventListener('change', function () {
    location.hash = 'study=' + encodeURIComponent(select.value);
    lastVersion = null;
    refresh();
  });
  // The next poll starts 2 s after the previous one ended, so a slow server is never flooded.
  function loop() { refresh().then(function () { setTimeout(loop, 2000); }); }
  loop();
})();
