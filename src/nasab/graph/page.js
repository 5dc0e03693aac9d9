/* nasab graph page. Written for nasab (Apache-2.0); no third-party code.
   Reads the graph from the JSON script element "nasab-data", draws it on a canvas with a small
   force layout, and wires the side panel (search, filters) and the details panel. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("nasab-data").textContent);
  var N = D.nodes, E = D.edges, DOCS = D.docs;
  var MAX_DRAWN = 350;            // most nodes drawn at once; the rest via neighbourhoods
  var LABELLED = 60;              // the most-mentioned nodes drawn are labelled at any zoom
  var COLOURS = {};
  var css = getComputedStyle(document.documentElement);
  D.types.forEach(function (t) { COLOURS[t] = (css.getPropertyValue("--" + t) || "#888").trim(); });
  var EDGE_STYLE = {
    holds_role: ["#3f9a47", 1.6, []], member_of: ["#e07b1a", 1.6, []],
    alias: ["#c0392b", 1.6, [5, 3]], acronym: ["#c0392b", 1.2, [2, 3]],
    co_occurs: ["#9aa7b8", 0.8, []], mentions: ["#c8c8c8", 0.6, [2, 2]]
  };

  // ------------------------------------------------------------------ text helpers
  function norm(s) {
    return String(s || "").normalize("NFKD").toLowerCase()
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "")
      .replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627").replace(/\u0649/g, "\u064a")
      .replace(/\u0629/g, "\u0647").replace(/\u0624/g, "\u0648").replace(/\u0626/g, "\u064a")
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  function isArabic(s) { return /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/.test(s || ""); }
  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k]; else if (k === "cls") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (kids || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function nameEl(s) {  // one name, isolated, right-to-left when Arabic
    return isArabic(s) ? el("span", { cls: "ar", lang: "ar", dir: "rtl", text: s }) : el("bdi", { text: s });
  }

  // ------------------------------------------------------------------ indexes
  var adj = N.map(function () { return []; });
  E.forEach(function (e, k) { adj[e[0]].push(k); adj[e[1]].push(k); });
  var keys = N.map(function (n) {
    return [n.n, n.a, n.r].concat(n.N, n.al).filter(Boolean).map(norm).join(" | ");
  });
  var items = {};
  Array.prototype.forEach.call(document.querySelectorAll("#entity-list li"), function (li) {
    items[+li.getAttribute("data-i")] = li;
  });

  // ------------------------------------------------------------------ state
  var state = {
    types: {}, doc: -1, query: "", matches: [], selected: -1, hover: -1,
    mode: "overview", centre: -1, radius: 1
  };
  D.types.forEach(function (t) { state.types[t] = t !== "document" || D.showDocuments; });
  var view = { nodes: [], edges: [], pos: {}, scale: 1, tx: 0, ty: 0 };

  // ------------------------------------------------------------------ filters
  var typeBox = document.getElementById("type-filter");
  D.types.forEach(function (t) {
    var cb = el("input", { type: "checkbox", value: t });
    cb.checked = state.types[t];
    cb.addEventListener("change", function () { state.types[t] = cb.checked; refresh(true); });
    var dot = el("span", { cls: "dot" }); dot.style.background = COLOURS[t];
    typeBox.appendChild(el("label", null, [cb, " ", dot, " " + t]));
  });
  var docSel = document.getElementById("doc-filter");
  DOCS.forEach(function (d, i) {
    docSel.appendChild(el("option", { value: String(i), text: d.id + (d.title ? " \u2014 " + d.title.slice(0, 60) : "") }));
  });
  docSel.addEventListener("change", function () {
    state.doc = docSel.value === "" ? -1 : +docSel.value;
    state.mode = "overview"; refresh(true);
  });
  var legend = document.getElementById("legend");
  D.types.forEach(function (t) {
    var s = el("span", null, [el("span", { cls: "dot" }), " " + t]);
    s.firstChild.style.background = COLOURS[t]; s.firstChild.style.display = "inline-block";
    legend.appendChild(s);
  });
  function inDoc(i) { return state.doc < 0 || N[i].d.indexOf(state.doc) >= 0 || (N[i].t === "document" && DOCS[state.doc].node === i); }
  function shown(i) { return state.types[N[i].t] && inDoc(i); }

  // ------------------------------------------------------------------ list and search
  var search = document.getElementById("search");
  var countEl = document.getElementById("list-count");
  function filterList() {
    var words = norm(state.query).split(" ").filter(Boolean);
    var visible = 0, matches = [];
    Object.keys(items).forEach(function (k) {
      var i = +k, ok = shown(i) && words.every(function (w) { return keys[i].indexOf(w) >= 0; });
      items[k].hidden = !ok;
      if (ok) { visible++; if (words.length) matches.push(i); }
    });
    state.matches = matches;
    countEl.textContent = visible + " of " + Object.keys(items).length + " names shown";
  }
  search.addEventListener("input", function () {
    state.query = search.value; filterList();
    var drawn = state.matches.filter(function (i) { return view.pos[i]; });
    if (state.matches.length && !drawn.length) note(state.matches.length + " match(es) not in this view: press Enter or click one");
    else note("");
    draw();
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && state.matches.length) { select(state.matches[0], true); }
  });
  document.getElementById("entity-list").addEventListener("click", function (ev) {
    var li = ev.target.closest("li[data-i]"); if (li) select(+li.getAttribute("data-i"), true);
  });
  document.getElementById("entity-list").addEventListener("keydown", function (ev) {
    var li = ev.target.closest("li[data-i]");
    if (li && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); select(+li.getAttribute("data-i"), true); }
  });
  var noteEl = document.getElementById("view-note");
  function note(s) { noteEl.textContent = s; }

  // ------------------------------------------------------------------ which nodes are drawn
  function docCount(i) { return N[i].t === "document" ? adj[i].length : N[i].d.length; }
  function byWeight(a, b) { return docCount(b) - docCount(a) || a - b; }
  function computeView() {
    var cand = [];
    if (state.mode === "neighbourhood" && state.centre >= 0) {
      var seen = {}, frontier = [state.centre], centreIsDoc = N[state.centre].t === "document";
      seen[state.centre] = 0;
      for (var r = 1; r <= state.radius; r++) {
        var next = [];
        frontier.forEach(function (u) {
          adj[u].forEach(function (k) {
            var e = E[k], v = e[0] === u ? e[1] : e[0];
            if (v in seen) return;
            if (N[v].t === "document" && !centreIsDoc) return;
            seen[v] = r; next.push(v);
          });
        });
        frontier = next;
      }
      cand = Object.keys(seen).map(Number).filter(function (i) { return i === state.centre || shown(i); });
    } else {
      for (var i = 0; i < N.length; i++) if (shown(i)) cand.push(i);
    }
    cand.sort(byWeight);
    var total = cand.length;
    if (cand.length > MAX_DRAWN) {
      cand = cand.slice(0, MAX_DRAWN);
      if (state.centre >= 0 && state.mode === "neighbourhood" && cand.indexOf(state.centre) < 0) cand[MAX_DRAWN - 1] = state.centre;
    }
    var set = {}; cand.forEach(function (i) { set[i] = true; });
    view.nodes = cand;
    view.edges = E.filter(function (e) { return set[e[0]] && set[e[1]] && (e[2] !== "mentions" || state.types.document); });
    var what = state.mode === "neighbourhood" ? "neighbourhood of " + N[state.centre].n + " (radius " + state.radius + ")" : "overview";
    note(what + ": " + cand.length + " of " + total + " nodes" + (total > cand.length ? " (most-mentioned first; click an entity for its neighbourhood)" : ""));
  }

  // ------------------------------------------------------------------ layout (Fruchterman-Reingold)
  function layout() {
    var n = view.nodes.length, pos = {}, W = 1000;
    var k = Math.sqrt(W * W / Math.max(n, 1)) * 0.9;
    var xs = new Float64Array(n), ys = new Float64Array(n), dx = new Float64Array(n), dy = new Float64Array(n);
    var at = {};
    view.nodes.forEach(function (i, j) {   // golden-angle spiral: deterministic start
      var a = j * 2.399963, r = k * 0.6 * Math.sqrt(j + 0.5);
      xs[j] = r * Math.cos(a); ys[j] = r * Math.sin(a); at[i] = j;
    });
    var deg = new Float64Array(n);
    view.edges.forEach(function (e) { deg[at[e[0]]]++; deg[at[e[1]]]++; });
    // A link pulls less between well-connected nodes, so hubs do not collapse into a ball.
    var links = view.edges.map(function (e) {
      var u = at[e[0]], v = at[e[1]], w = e[2] === "co_occurs" || e[2] === "mentions" ? 0.4 : 1;
      return [u, v, w / Math.sqrt(Math.max(1, deg[u]) * Math.max(1, deg[v]))];
    });
    var iters = Math.max(80, Math.min(300, Math.floor(3e7 / Math.max(1, n * n)))), t = W / 8;
    for (var it = 0; it < iters; it++) {
      dx.fill(0); dy.fill(0);
      for (var a = 0; a < n; a++) for (var b = a + 1; b < n; b++) {
        if (!deg[a] || !deg[b]) continue;
        var ddx = xs[a] - xs[b], ddy = ys[a] - ys[b], d2 = ddx * ddx + ddy * ddy + 0.01;
        var f = k * k / d2; dx[a] += ddx * f; dy[a] += ddy * f; dx[b] -= ddx * f; dy[b] -= ddy * f;
      }
      for (var l = 0; l < links.length; l++) {
        var u = links[l][0], v = links[l][1];
        var ex = xs[u] - xs[v], ey = ys[u] - ys[v], dd = Math.sqrt(ex * ex + ey * ey) + 0.01;
        var g = dd / k * links[l][2]; dx[u] -= ex * g; dy[u] -= ey * g; dx[v] += ex * g; dy[v] += ey * g;
      }
      for (var c = 0; c < n; c++) {
        if (!deg[c]) continue;                      // loners are placed afterwards
        dx[c] -= xs[c] * 0.01; dy[c] -= ys[c] * 0.01;  // gravity keeps components together
        var len = Math.sqrt(dx[c] * dx[c] + dy[c] * dy[c]) + 1e-9, s = Math.min(len, t) / len;
        xs[c] += dx[c] * s; ys[c] += dy[c] * s;
      }
      t *= 0.98;
    }
    // Nodes with no link in this view go in rows under the drawing, most-mentioned first.
    var x0 = Infinity, x1 = -Infinity, y1 = -Infinity, linked = 0;
    for (var q = 0; q < n; q++) if (deg[q]) { linked++; x0 = Math.min(x0, xs[q]); x1 = Math.max(x1, xs[q]); y1 = Math.max(y1, ys[q]); }
    if (!linked) { x0 = -W / 2; x1 = W / 2; y1 = -k; }
    var step = k * 2.5, perRow = Math.max(4, Math.floor((x1 - x0) / step) + 1), m = 0;
    for (var z = 0; z < n; z++) if (!deg[z]) {   // view.nodes is sorted by weight already
      xs[z] = x0 + (m % perRow) * step; ys[z] = y1 + 2 * k + Math.floor(m / perRow) * step; m++;
    }
    view.nodes.forEach(function (i, j) { pos[i] = [xs[j], ys[j]]; });
    view.pos = pos;
  }

  // ------------------------------------------------------------------ drawing
  var canvas = document.getElementById("graph"), ctx = canvas.getContext("2d");
  function zoomFactor() { return Math.sqrt(Math.max(0.35, Math.min(1.5, view.scale))); }
  function radius(i) { return 4 + 3 * Math.log2(1 + docCount(i)); }  // 1 doc: 7, 1000: 34
  function resize() {
    var r = canvas.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, r.width * dpr); canvas.height = Math.max(1, r.height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }
  function fit() {
    var r = canvas.getBoundingClientRect(), xs = [], ys = [];
    view.nodes.forEach(function (i) { xs.push(view.pos[i][0]); ys.push(view.pos[i][1]); });
    if (!xs.length) { view.scale = 1; view.tx = r.width / 2; view.ty = r.height / 2; return; }
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var pad = 60, s = Math.min((r.width - 2 * pad) / Math.max(x1 - x0, 1), (r.height - 2 * pad) / Math.max(y1 - y0, 1));
    view.scale = Math.max(0.05, Math.min(s, 2.5));
    view.tx = r.width / 2 - view.scale * (x0 + x1) / 2; view.ty = r.height / 2 - view.scale * (y0 + y1) / 2;
  }
  function screen(i) { var p = view.pos[i]; return [p[0] * view.scale + view.tx, p[1] * view.scale + view.ty]; }
  function draw() {
    var r = canvas.getBoundingClientRect();
    ctx.clearRect(0, 0, r.width, r.height);
    var focus = {}, hasFocus = false;
    state.matches.forEach(function (i) { focus[i] = 2; hasFocus = true; });
    if (state.selected >= 0) {
      focus[state.selected] = 3; hasFocus = true;
      adj[state.selected].forEach(function (k) { var e = E[k]; var o = e[0] === state.selected ? e[1] : e[0]; if (!focus[o]) focus[o] = 1; });
    }
    view.edges.forEach(function (e) {
      var st = EDGE_STYLE[e[2]] || ["#999", 1, []], a = screen(e[0]), b = screen(e[1]);
      ctx.globalAlpha = hasFocus && !(focus[e[0]] >= 2 || focus[e[1]] >= 2) ? 0.12 : 0.8;
      ctx.strokeStyle = st[0]; ctx.lineWidth = st[1] * Math.min(3, 1 + Math.log(e[3]) / 2); ctx.setLineDash(st[2]);
      ctx.beginPath(); ctx.moveTo(a[0], a[1]); ctx.lineTo(b[0], b[1]); ctx.stroke();
    });
    ctx.setLineDash([]);
    view.nodes.forEach(function (i) {
      var p = screen(i), rad = radius(i) * zoomFactor();
      ctx.globalAlpha = hasFocus && !focus[i] ? 0.25 : 1;
      ctx.fillStyle = COLOURS[N[i].t] || "#888";
      ctx.beginPath(); ctx.arc(p[0], p[1], rad, 0, 2 * Math.PI); ctx.fill();
      if (focus[i] >= 2) { ctx.lineWidth = 3; ctx.strokeStyle = focus[i] === 3 ? "#111" : "#f2b400"; ctx.stroke(); }
    });
    ctx.globalAlpha = 1; ctx.font = "12px system-ui, sans-serif"; ctx.textBaseline = "middle";
    var rank = {};   // view.nodes is sorted by weight: the first LABELLED get labels
    view.nodes.forEach(function (i, j) { rank[i] = j; });
    view.nodes.forEach(function (i) {
      var rad = radius(i) * zoomFactor();
      if (!(focus[i] || i === state.hover || rank[i] < LABELLED || view.scale >= 1.6)) return;
      if (hasFocus && !focus[i] && i !== state.hover) return;
      var p = screen(i), x = p[0] + rad + 4, n = N[i];
      var first = n.r ? n.r : n.n, second = n.r ? n.n : n.a;
      ctx.fillStyle = "rgba(255,255,255,.8)";
      var w1 = ctx.measureText(first).width, w2 = second ? ctx.measureText(second).width + 10 : 0;
      ctx.fillRect(x - 2, p[1] - 8, w1 + w2 + 4, 16);
      ctx.fillStyle = "#1d1d1f"; ctx.fillText(first, x, p[1]);
      if (second) { ctx.fillStyle = "#444"; ctx.fillText(second, x + w1 + 10, p[1]); }
    });
  }

  // ------------------------------------------------------------------ pointer
  function nodeAt(mx, my) {
    var best = -1, bd = Infinity;
    view.nodes.forEach(function (i) {
      var p = screen(i), d = Math.hypot(p[0] - mx, p[1] - my), rad = radius(i) * zoomFactor() + 3;
      if (d <= rad && d < bd) { bd = d; best = i; }
    });
    return best;
  }
  var drag = null;
  canvas.addEventListener("mousedown", function (ev) {
    var i = nodeAt(ev.offsetX, ev.offsetY);
    drag = { i: i, x: ev.offsetX, y: ev.offsetY, moved: false };
  });
  window.addEventListener("mouseup", function () {
    if (drag && !drag.moved && drag.i >= 0) select(drag.i, false);
    drag = null;
  });
  canvas.addEventListener("mousemove", function (ev) {
    if (drag) {
      var ddx = ev.offsetX - drag.x, ddy = ev.offsetY - drag.y;
      if (Math.abs(ddx) + Math.abs(ddy) > 2) drag.moved = true;
      if (drag.i >= 0) { view.pos[drag.i] = [(ev.offsetX - view.tx) / view.scale, (ev.offsetY - view.ty) / view.scale]; }
      else { view.tx += ddx; view.ty += ddy; }
      drag.x = ev.offsetX; drag.y = ev.offsetY; draw(); return;
    }
    var h = nodeAt(ev.offsetX, ev.offsetY);
    if (h !== state.hover) { state.hover = h; canvas.title = h >= 0 ? N[h].n + (N[h].a ? " \u00b7 " + N[h].a : "") : ""; draw(); }
  });
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var f = Math.exp(-ev.deltaY * 0.0015), s = Math.max(0.02, Math.min(20, view.scale * f));
    f = s / view.scale; view.tx = ev.offsetX - f * (ev.offsetX - view.tx); view.ty = ev.offsetY - f * (ev.offsetY - view.ty);
    view.scale = s; draw();
  }, { passive: false });
  document.getElementById("overview").addEventListener("click", function () { state.mode = "overview"; refresh(true); });
  document.getElementById("fit").addEventListener("click", function () { fit(); draw(); });
  var radiusSel = document.getElementById("radius");
  radiusSel.addEventListener("change", function () { state.radius = +radiusSel.value; if (state.mode === "neighbourhood") refresh(true); });
  window.addEventListener("resize", function () { resize(); fit(); draw(); });

  // ------------------------------------------------------------------ selection and details
  function select(i, fromList) {
    if (state.selected >= 0 && items[state.selected]) items[state.selected].classList.remove("sel");
    state.selected = i;
    if (items[i]) { items[i].classList.add("sel"); if (!fromList) items[i].scrollIntoView({ block: "nearest" }); }
    if (!view.pos[i]) neighbourhood(i); else draw();
    details(i);
  }
  function neighbourhood(i) { state.mode = "neighbourhood"; state.centre = i; refresh(true); }
  function refresh(relayout) {
    filterList();
    if (relayout) { computeView(); layout(); resize(); fit(); }
    draw();
  }
  function entLink(i, label) {
    var a = el("a", { cls: "ent", href: "#", "data-i": String(i) }, [nameEl(label || N[i].n)]);
    a.addEventListener("click", function (ev) { ev.preventDefault(); select(i, false); });
    return a;
  }
  function section(title, kids) { return kids.length ? [el("h3", { text: title })].concat(kids) : []; }
  function details(i) {
    var n = N[i], box = document.getElementById("details");
    box.textContent = "";
    var h = el("h2", null, [n.r ? el("bdi", { text: n.r }) : nameEl(n.n)]);
    if (n.r) h.appendChild(el("span", { cls: "ar", lang: "ar", dir: "rtl", text: n.n }));
    if (n.a) h.appendChild(el("span", { cls: "ar", lang: "ar", dir: "rtl", text: n.a }));
    box.appendChild(h);
    box.appendChild(el("div", { cls: "kind", text: n.t + " \u00b7 " + n.d.length + " document(s) \u00b7 " + n.id }));
    var nb = el("button", { type: "button", text: "Show neighbourhood" });
    nb.addEventListener("click", function () { neighbourhood(i); });
    box.appendChild(el("p", null, [nb]));
    var parts = [];
    parts = parts.concat(section("Names (both scripts)", [el("ul", { cls: "names" }, n.N.map(function (s) { return el("li", null, [nameEl(s)]); }))]));
    if (n.al.length) parts = parts.concat(section("Aliases", [el("ul", { cls: "names" }, n.al.map(function (s) { return el("li", null, [nameEl(s)]); }))]));
    if (n.ro.length) {
      parts = parts.concat(section("Roles held", [el("ul", null, n.ro.map(function (r) {
        var kids = [];
        if (r.rank) kids.push(el("bdi", { text: r.rank }), " \u00b7 ");
        kids.push(entLink(r.role_node, r.role));
        if (r.role_ar) kids.push(" ", el("span", { cls: "ar", lang: "ar", dir: "rtl", text: r.role_ar }));
        if (r.org) kids.push(" \u2014 ", r.org_node != null ? entLink(r.org_node, r.org) : nameEl(r.org));
        kids.push(el("span", { cls: "more", text: " (" + r.docs + " doc.)" }));
        return el("li", null, kids);
      }))]));
    }
    var linked = {};
    adj[i].forEach(function (k) {
      var e = E[k], o = e[0] === i ? e[1] : e[0];
      if (e[2] === "mentions") return;
      (linked[e[2]] = linked[e[2]] || []).push(o);
    });
    Object.keys(linked).sort().forEach(function (t) {
      var uniq = linked[t].filter(function (v, j, a) { return a.indexOf(v) === j; }).sort(byWeight);
      parts = parts.concat(section(t.replace("_", " "), [el("ul", null, uniq.map(function (o) {
        return el("li", null, [entLink(o), N[o].a ? el("span", null, [" ", el("span", { cls: "ar", lang: "ar", dir: "rtl", text: N[o].a })]) : null, el("span", { cls: "more", text: " " + N[o].t })]);
      }))]));
    });
    if (n.t === "document") {
      var doc = DOCS.filter(function (d) { return d.node === i; })[0];
      if (doc) parts = parts.concat(section("Document", [docLink(doc), el("p", { dir: "auto", text: doc.title })]));
    }
    var ms = n.m.map(function (m) {
      var doc = DOCS[m[0]], s = m[1], a = m[2], b = m[3];
      var q = el("blockquote", { dir: "auto" }, [s.slice(0, a), el("mark", { text: s.slice(a, b) }), s.slice(b)]);
      return el("div", { cls: "mention" }, [docLink(doc), q]);
    });
    if (n.mn > n.m.length) ms.push(el("p", { cls: "more", text: "\u2026 and " + (n.mn - n.m.length) + " more document(s)" }));
    parts = parts.concat(section("Mentions", ms));
    parts.forEach(function (p) { box.appendChild(p); });
  }
  function docLink(doc) {
    var label = doc.id + (doc.lang ? " [" + doc.lang + "]" : "");
    return doc.href ? el("a", { href: doc.href, target: "_blank", rel: "noopener", text: label }) : el("b", { text: label });
  }

  refresh(true);
  window.nasabGraph = { state: state, view: view, select: select, data: D };
})();
