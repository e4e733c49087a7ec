// Shows every <time datetime> in the reader's time zone; the UTC text stays in the title (on hover).
// The as-of picker sends its local date and time as a UTC instant. The SLA trend's chart is drawn from its
// table, which stays on the page as the accessible form of the same numbers. Sections that htmx refreshes in
// place get their times localised again, and count their refreshes in data-refreshes; when the session has ended,
// a refresh leads to the sign-in page.
(function () {
  // ISO order (2026-09-30 23:59:59 CEST) whatever the browser's language, as the UTC text on hover has it.
  var local = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZoneName: 'short'
  });

  function localiseTimes(root) {
    root.querySelectorAll('time[datetime]').forEach(function (el) {
      var date = new Date(el.getAttribute('datetime'));
      if (!isNaN(date)) {
        var part = {};
        local.formatToParts(date).forEach(function (p) { part[p.type] = p.value; });
        el.textContent = part.year + '-' + part.month + '-' + part.day + ' ' + part.hour + ':' + part.minute + ':'
          + part.second + ' ' + part.timeZoneName;
      }
    });
  }

  function asOfPickers() {
    document.querySelectorAll('form[data-as-of]').forEach(function (form) {
      var picker = form.querySelector('input[type=datetime-local]');
      var hidden = form.querySelector('input[name=asOf]');
      if (hidden && hidden.value && picker && !picker.value) {
        var d = new Date(hidden.value);
        var pad = function (n) { return String(n).padStart(2, '0'); };
        picker.value = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T'
          + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
      }
      form.addEventListener('submit', function () {
        if (picker && picker.value) {
          hidden.value = new Date(picker.value).toISOString();
          picker.disabled = true;
        }
      });
    });
  }

  var PALETTE = ['#c0392b', '#2e86c1', '#7d3c98', '#d68910', '#17a589', '#566573', '#cb4335', '#1f618d'];

  function trendChart() {
    var figure = document.getElementById('sla-trend-chart');
    var table = document.getElementById('sla-trend-table');
    if (!figure || !table || typeof uPlot === 'undefined') {
      return;
    }
    var rules = Array.prototype.map.call(table.querySelectorAll('thead th[data-rule]'), function (th) {
      return th.getAttribute('data-rule');
    });
    var days = [];
    var series = rules.map(function () { return []; });
    table.querySelectorAll('tbody tr[data-day]').forEach(function (tr) {
      days.push(Date.parse(tr.getAttribute('data-day') + 'T00:00:00Z') / 1000);
      tr.querySelectorAll('td[data-rule]').forEach(function (td, i) { series[i].push(Number(td.textContent)); });
    });
    var options = {
      width: Math.min(960, document.body.clientWidth - 60), height: 240,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); },
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
      axes: [{}, { label: 'met late per day', incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }],
      series: [{ label: 'day (UTC)' }].concat(rules.map(function (rule, i) {
        return { label: rule, stroke: PALETTE[i % PALETTE.length], width: 2, points: { show: true } };
      }))
    };
    figure.chart = new uPlot(options, [days].concat(series), figure);
    figure.setAttribute('data-rendered', 'true');
  }

  document.addEventListener('DOMContentLoaded', function () {
    localiseTimes(document);
    asOfPickers();
    trendChart();
  });
  // A session that has ended answers a refresh with the sign-in page: go there instead of swapping it in.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var answered = event.detail.xhr && event.detail.xhr.responseURL;
    if (answered && new URL(answered).pathname === '/console/login') {
      event.detail.shouldSwap = false;
      window.location.assign(answered);
    }
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    localiseTimes(document);
    document.body.setAttribute('data-refreshes', String(Number(document.body.getAttribute('data-refreshes') || 0) + 1));
  });
})();
