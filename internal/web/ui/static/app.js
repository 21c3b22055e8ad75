// counterscam: small enhancements of server-rendered pages. Every page
// works without this file.
(function () {
  "use strict";

  // The report form's identifiers: each line is checked as it is typed,
  // through the public check API, so a mistake shows before sending.
  function liveCheck(area) {
    var out = document.getElementById("identifiers-live");
    var country = document.getElementById("country");
    if (!out) return;
    var timer = null, seq = 0;
    function line(text, cls) {
      var li = document.createElement("li");
      li.className = cls;
      li.textContent = text;
      out.appendChild(li);
    }
    function run() {
      var mine = ++seq;
      var lines = area.value.split("\n").map(function (s) { return s.trim(); });
      var jobs = [];
      lines.forEach(function (v, i) {
        if (!v || jobs.length >= 20) return;
        jobs.push(fetch(area.dataset.liveCheck, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ query: v, region: country ? country.value : "" })
        }).then(function (r) { return r.ok ? r.json() : null; })
          .then(function (j) { return { n: i + 1, v: v, j: j }; })
          .catch(function () { return { n: i + 1, v: v, j: null }; }));
      });
      Promise.all(jobs).then(function (res) {
        if (mine !== seq) return;
        out.textContent = "";
        res.forEach(function (x) {
          var prefix = area.dataset.line.replace("%d", x.n) + " ";
          if (!x.j) return;
          if (x.j.status === "invalid") {
            line("✗ " + prefix + area.dataset.bad.replace("%s", x.v), "bad");
          } else {
            line("✓ " + prefix + area.dataset.ok.replace("%s", x.j.selector ? x.j.selector.display : x.v), "ok");
          }
        });
      });
    }
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 600);
    });
    if (country) country.addEventListener("change", run);
    if (area.value.trim()) run();
  }

  // An import job's page: poll its progress until it ends, then reload to
  // show the rejected rows.
  function pollJob(box) {
    var url = box.dataset.statusUrl;
    function set(id, v) { var el = document.getElementById(id); if (el) el.textContent = v; }
    function tick() {
      fetch(url, { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (j) {
          if (!j) { setTimeout(tick, 3000); return; }
          var bar = document.getElementById("job-progress");
          if (bar) bar.value = j.percent;
          set("job-percent", j.percent + "%");
          set("job-read", j.counts.read);
          set("job-inserted", j.counts.inserted);
          set("job-duplicates", j.counts.duplicates);
          set("job-rejected", j.counts.rejected);
          if (j.finished) { window.location.reload(); return; }
          setTimeout(tick, 700);
        })
        .catch(function () { setTimeout(tick, 3000); });
    }
    tick();
  }

  // A flight's add-passengers form: one box ticks or unticks everyone
  // listed (half-ticked when some are), and says how many are ticked.
  function tickAll(all) {
    var boxes = [].slice.call(document.querySelectorAll('#ready input[name="person"]'));
    var out = document.getElementById("ticked-count");
    function sync() {
      var n = boxes.filter(function (b) { return b.checked; }).length;
      all.checked = n === boxes.length;
      all.indeterminate = n > 0 && n < boxes.length;
      if (out) out.textContent = all.dataset.count.replace("{n}", n);
    }
    all.addEventListener("change", function () {
      boxes.forEach(function (b) { b.checked = all.checked; });
      sync();
    });
    boxes.forEach(function (b) { b.addEventListener("change", sync); });
    document.getElementById("tick-all-line").hidden = false;
    sync();
  }

  // The triage form: choosing a person whose case is still open unticks
  // "open a consular case" (a report about someone already in process does
  // not open a second case unless the officer ticks it again); choosing one
  // without an open case, or a new person, ticks it.
  function openCaseDefault(box) {
    [].slice.call(document.querySelectorAll('.triage-form input[name="person"]')).forEach(function (r) {
      r.addEventListener("change", function () {
        if (r.checked) box.checked = !r.dataset.openCase;
      });
    });
  }

  // A form shown again with mistakes: bring the summary into view.
  function focusErrors() {
    var box = document.getElementById("form-errors");
    if (box) box.focus();
  }

  // After a check, move to what was found: on a phone it is below the
  // form, out of sight, and a screen reader reads on from there.
  function focusResults() {
    var res = document.getElementById("results");
    if (res && !document.getElementById("form-errors")) res.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var area = document.querySelector("textarea[data-live-check]");
    if (area && window.fetch) liveCheck(area);
    var job = document.getElementById("job");
    if (job && job.dataset.finished === "false" && window.fetch) pollJob(job);
    var all = document.getElementById("tick-all");
    if (all) tickAll(all);
    var openBox = document.querySelector('.triage-form #open-case');
    if (openBox) openCaseDefault(openBox);
    focusErrors();
    focusResults();
  });
})();
