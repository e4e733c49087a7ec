// Shows every <time datetime> in the reader's time zone; the UTC text stays in the title (on hover).
// The as-of picker sends its local date and time as a UTC instant.
document.addEventListener('DOMContentLoaded', function () {
  // ISO order (2026-09-30 23:59:59 CEST) whatever the browser's language, as the UTC text on hover has it.
  var local = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZoneName: 'short'
  });
  document.querySelectorAll('time[datetime]').forEach(function (el) {
    var date = new Date(el.getAttribute('datetime'));
    if (!isNaN(date)) {
      var part = {};
      local.formatToParts(date).forEach(function (p) { part[p.type] = p.value; });
      el.textContent = part.year + '-' + part.month + '-' + part.day + ' ' + part.hour + ':' + part.minute + ':'
        + part.second + ' ' + part.timeZoneName;
    }
  });
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
});
