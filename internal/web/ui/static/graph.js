// counterscam: a network's interactive graph (Cytoscape.js, vendored).
// Reports are squares, selectors circles; the most-named selectors (the
// key infrastructure) are larger and ringed. Drag to pan, pinch or wheel
// to zoom, click or tap a node to open its page; hovering shows what it is.
// Over the canvas lies one link per node, named for a screen reader, in
// one tab stop: the arrow keys move between them (selectors most-named
// first, then reports newest first), Enter or Space opens one, and the
// focused link is drawn around its node.
(function () {
  "use strict";

  function draw(box, data) {
    box.textContent = "";
    var els = [];
    data.nodes.forEach(function (n) {
      var cls = [n.type];
      if (n.key) cls.push("key");
      if (n.warn) cls.push("warn");
      if (n.shared) cls.push("shared");
      if (n.tlp) cls.push("tlp-" + n.tlp.replace("+", "-").toLowerCase());
      els.push({ group: "nodes", data: n, classes: cls.join(" ") });
    });
    data.edges.forEach(function (e, i) {
      els.push({ group: "edges", data: { id: "e" + i, source: e.source, target: e.target } });
    });
    var cy = window.cytoscape({
      container: box,
      elements: els,
      wheelSensitivity: 0.3,
      minZoom: 0.05,
      maxZoom: 4,
      style: [
        { selector: "node", style: { "width": 14, "height": 14, "border-width": 1, "border-color": "#333", "label": "" } },
        { selector: "node.report", style: { "shape": "rectangle", "background-color": "#8fa9c4" } },
        { selector: "node.report.tlp-red", style: { "border-color": "#b00000", "border-width": 2 } },
        { selector: "node.selector", style: { "shape": "ellipse", "background-color": "#f2c14e", "width": "mapData(reports, 1, 30, 14, 34)", "height": "mapData(reports, 1, 30, 14, 34)" } },
        { selector: "node.key", style: { "background-color": "#d1495b", "border-width": 4, "border-color": "#000",
          "label": "data(label)", "font-size": 11, "text-valign": "top", "text-margin-y": -4,
          "text-background-color": "#fff", "text-background-opacity": 0.9, "text-background-padding": 2, "color": "#000" } },
        { selector: "node.warn", style: { "border-style": "double", "border-width": 6 } },
        { selector: "node.shared", style: { "background-color": "#ddd", "border-style": "dashed" } },
        { selector: "node.focus", style: { "border-color": "#0b0c0c", "border-width": 5, "label": "data(label)", "font-size": 11, "color": "#000",
          "text-background-color": "#fff", "text-background-opacity": 0.9, "text-background-padding": 2 } },
        { selector: "node.hover", style: { "border-color": "#ffbf47", "border-width": 5, "label": "data(label)", "font-size": 11, "color": "#000" } },
        { selector: "edge", style: { "width": 1, "line-color": "#9aa3ad", "curve-style": "haystack" } }
      ],
      layout: { name: "cose", animate: false, nodeRepulsion: function () { return 9000; }, idealEdgeLength: function () { return 40; }, randomize: false, fit: true, padding: 20 }
    });
    var info = document.getElementById("graph-info");
    cy.on("mouseover", "node", function (ev) {
      var n = ev.target;
      n.addClass("hover");
      if (info) {
        var d = n.data();
        info.textContent = d.name;
      }
    });
    cy.on("mouseout", "node", function (ev) { ev.target.removeClass("hover"); });
    cy.on("tap", "node", function (ev) {
      var url = ev.target.data("url");
      if (url) window.location.href = url;
    });
    keyboard(box, cy);
    box.dataset.nodes = String(cy.nodes().length);
    box.dataset.edges = String(cy.edges().length);
    box.setAttribute("data-ready", "true");
    document.querySelectorAll("[data-graph]").forEach(function (b) {
      b.addEventListener("click", function () {
        var what = b.dataset.graph;
        var c = { x: box.clientWidth / 2, y: box.clientHeight / 2 };
        if (what === "zoom-in") cy.zoom({ level: cy.zoom() * 1.3, renderedPosition: c });
        if (what === "zoom-out") cy.zoom({ level: cy.zoom() / 1.3, renderedPosition: c });
        if (what === "fit") cy.fit(undefined, 20);
      });
    });
    window.counterscamGraph = cy;
  }

  // keyboard lays a list of links over the canvas, one per node, with a
  // roving tab stop.
  function keyboard(box, cy) {
    var nodes = cy.nodes().toArray().sort(function (a, b) {
      var x = a.data(), y = b.data();
      if (x.type !== y.type) return x.type === "selector" ? -1 : 1;
      if (x.type === "selector") return (y.reports || 0) - (x.reports || 0);
      return x.id < y.id ? 1 : x.id > y.id ? -1 : 0;
    });
    var list = document.createElement("ul");
    list.className = "graph-nodes";
    var links = nodes.map(function (n, i) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = n.data("url");
      a.setAttribute("aria-label", n.data("name"));
      a.tabIndex = i === 0 ? 0 : -1;
      a.dataset.node = n.id();
      a.className = n.data("type");
      li.appendChild(a);
      list.appendChild(li);
      return a;
    });
    var current = null;
    function place() {
      if (!current) return;
      var bb = cy.getElementById(current.dataset.node).renderedBoundingBox({ includeLabels: false });
      current.style.left = (bb.x1 - 4) + "px";
      current.style.top = (bb.y1 - 4) + "px";
      current.style.width = (bb.w + 8) + "px";
      current.style.height = (bb.h + 8) + "px";
    }
    list.addEventListener("focusin", function (ev) {
      var a = ev.target;
      if (!a.dataset || !a.dataset.node) return;
      var n = cy.getElementById(a.dataset.node);
      current = a;
      n.addClass("focus");
      var p = n.renderedPosition();
      if (p.x < 0 || p.y < 0 || p.x > box.clientWidth || p.y > box.clientHeight) cy.center(n);
      place();
    });
    list.addEventListener("focusout", function (ev) {
      var a = ev.target;
      if (a.dataset && a.dataset.node) cy.getElementById(a.dataset.node).removeClass("focus");
      if (a === current) current = null;
    });
    list.addEventListener("keydown", function (ev) {
      var i = links.indexOf(ev.target);
      if (i < 0) return;
      var j = -1;
      if (ev.key === "ArrowRight" || ev.key === "ArrowDown") j = Math.min(i + 1, links.length - 1);
      if (ev.key === "ArrowLeft" || ev.key === "ArrowUp") j = Math.max(i - 1, 0);
      if (ev.key === "Home") j = 0;
      if (ev.key === "End") j = links.length - 1;
      if (ev.key === " ") {
        ev.preventDefault();
        window.location.href = links[i].href;
        return;
      }
      if (j < 0) return;
      ev.preventDefault();
      links[i].tabIndex = -1;
      links[j].tabIndex = 0;
      links[j].focus();
    });
    cy.on("viewport", place);
    box.setAttribute("role", "group");
    box.appendChild(list);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("graph");
    if (!box || !window.cytoscape || !window.fetch) return;
    box.textContent = box.dataset.loading;
    fetch(box.dataset.src, { headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) { draw(box, data); })
      .catch(function () { box.textContent = box.dataset.failed; box.setAttribute("data-ready", "failed"); });
  });
})();
