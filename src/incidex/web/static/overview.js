/* The overview page: map markers, the timeline and its brush, and the links between the map
   and the table. Everything reads the page's own query string, so the URL is the state. */
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("page-data").textContent);
  const COLOURS = DATA.colours;
  const params = new URLSearchParams(window.location.search);
  const DAY = 86400000;

  function selection(without) {
    const q = new URLSearchParams(params);
    ["sort", "offset", "limit"].concat(without || []).forEach((k) => q.delete(k));
    return q;
  }
  function go(changes) {
    const q = new URLSearchParams(params);
    q.delete("offset");
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") q.delete(k); else q.set(k, v);
    }
    const s = q.toString();
    window.location.assign(window.location.pathname + (s ? "?" + s : ""));
  }

  /* -- the filter form sends only the filters that have a value ------------------------ */
  const form = document.getElementById("filters");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) {
      if (String(v).trim() !== "" && !(k === "sort" && v === "-date")) q.set(k, String(v).trim());
    }
    const s = q.toString();
    window.location.assign("/" + (s ? "?" + s : ""));
  });
  form.querySelectorAll("select").forEach((el) => el.addEventListener("change", () => form.requestSubmit()));

  /* -- map ------------------------------------------------------------------------------ */
  const { map } = window.incidexBaseMap("map");
  const markers = new Map();
  const cluster = L.markerClusterGroup({
    maxClusterRadius: 35,
    showCoverageOnHover: false,
    iconCreateFunction: (c) => {
      const n = c.getChildCount();
      const size = 22 + Math.min(26, Math.round(Math.sqrt(n) * 4));
      return L.divIcon({ html: "<span>" + n + "</span>", className: "cluster", iconSize: [size, size] });
    },
  });
  map.addLayer(cluster);

  function radius(p) {
    const hurt = (p.killed || 0) + (p.wounded || 0) * 0.3;
    return 5 + Math.min(25, Math.sqrt(hurt) * 2.2);
  }
  function popup(p) {
    const box = document.createElement("div");
    const a = document.createElement("a");
    a.href = "/incidents/" + encodeURIComponent(p.id);
    a.textContent = (p.attack_type || "Unknown") + " · " + (p.place || "unknown place");
    box.appendChild(a);
    const line = document.createElement("div");
    line.textContent = (p.date || "date unknown") + " · killed " + (p.killed ?? "?") +
      ", wounded " + (p.wounded ?? "?") + (p.perpetrator ? " · " + p.perpetrator : "");
    box.appendChild(line);
    return box;
  }
  function rowOf(id) { return document.querySelector('#incidents tr[data-id="' + CSS.escape(id) + '"]'); }
  function select(id) {
    document.querySelectorAll("#incidents tr.selected").forEach((r) => r.classList.remove("selected"));
    markers.forEach((m) => m.setStyle({ weight: 1, color: "#222" }));
    const row = rowOf(id);
    if (row) row.classList.add("selected");
    const m = markers.get(id);
    if (m) m.setStyle({ weight: 3, color: "#000" });
    return { row, marker: m };
  }

  const status = document.getElementById("map-status");
  fetch("/api/points?" + selection().toString())
    .then((r) => r.json())
    .then((data) => {
      const layers = [];
      for (const p of data.points) {
        const m = L.circleMarker([p.lat, p.lon], {
          radius: radius(p), color: "#222", weight: 1, fillOpacity: 0.8,
          fillColor: COLOURS[p.attack_type] || COLOURS.Unknown,
        });
        m.incidentId = p.id;
        m.bindPopup(() => popup(p));
        m.on("click", () => {
          const { row } = select(p.id);
          if (row) row.scrollIntoView({ block: "nearest" });
        });
        markers.set(p.id, m);
        layers.push(m);
      }
      cluster.addLayers(layers);
      status.textContent = data.points.length + " on the map" +
        (data.total > data.points.length ? " (" + (data.total - data.points.length) + " without coordinates" +
          (data.truncated ? " or left out" : "") + ")" : "");
      document.getElementById("map").dataset.markers = String(data.points.length);
      if (params.get("bbox")) {
        const [w, s, e, n] = params.get("bbox").split(",").map(Number);
        map.fitBounds([[s, w], [n, e]]);
      } else if (layers.length) {
        map.fitBounds(L.featureGroup(layers).getBounds().pad(0.3), { maxZoom: 6 });
      }
    })
    .catch((err) => { status.textContent = "map data failed to load"; console.error(err); });

  document.getElementById("bbox-filter").addEventListener("click", () => {
    const b = map.getBounds();
    const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v));
    const box = [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)];
    go({ bbox: box.map((v) => v.toFixed(3)).join(",") });
  });

  /* -- table <-> map ------------------------------------------------------------------- */
  document.querySelectorAll("#incidents tbody tr[data-id]").forEach((row) => {
    const id = row.dataset.id;
    row.addEventListener("mouseenter", () => { const m = markers.get(id); if (m) m.setStyle({ weight: 3, color: "#000" }); });
    row.addEventListener("mouseleave", () => { if (!row.classList.contains("selected")) { const m = markers.get(id); if (m) m.setStyle({ weight: 1, color: "#222" }); } });
    row.addEventListener("click", (ev) => {
      if (ev.target.closest("a")) return;
      const { marker } = select(id);
      if (marker) cluster.zoomToShowLayer(marker, () => marker.openPopup());
    });
  });

  /* -- timeline -------------------------------------------------------------------------- */
  const svg = document.getElementById("timeline");
  const NS = "http://www.w3.org/2000/svg";
  let byDay = [];
  const parse = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
  const iso = (t) => new Date(t).toISOString().slice(0, 10);
  function binStart(t, bin) {
    const d = new Date(t);
    if (bin === "week") return t - ((d.getUTCDay() + 6) % 7) * DAY;
    if (bin === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    return t;
  }
  function nextBin(t, bin) {
    if (bin === "week") return t + 7 * DAY;
    if (bin === "month") { const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); }
    return t + DAY;
  }
  function bins(bin) {
    if (!byDay.length) return [];
    const first = binStart(parse(byDay[0].key), bin);
    const last = parse(byDay[byDay.length - 1].key);
    const out = []; const index = new Map();
    for (let t = first; t <= last && out.length < 5000; t = nextBin(t, bin)) {
      index.set(t, out.length); out.push({ start: t, end: nextBin(t, bin) - DAY, incidents: 0, killed: 0 });
    }
    for (const g of byDay) {
      const i = index.get(binStart(parse(g.key), bin));
      if (i !== undefined) { out[i].incidents += g.incidents; out[i].killed += g.killed; }
    }
    return out;
  }
  function el(name, attrs, parent) {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    parent.appendChild(e);
    return e;
  }
  function draw() {
    let bin = (document.querySelector('input[name="bin"]:checked') || {}).value || "week";
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const data = bins(bin);
    const W = svg.clientWidth || 500, H = svg.clientHeight || 300, pad = { l: 30, r: 30, t: 10, b: 22 };
    if (!data.length) { el("text", { x: 10, y: 20 }, svg).textContent = "No dated incidents."; return; }
    const bw = (W - pad.l - pad.r) / data.length;
    const maxN = Math.max(1, ...data.map((d) => d.incidents));
    const maxK = Math.max(1, ...data.map((d) => d.killed));
    const y = (v, max) => H - pad.b - (v / max) * (H - pad.t - pad.b);
    const from = params.get("date_from") ? parse(params.get("date_from")) : -Infinity;
    const to = params.get("date_to") ? parse(params.get("date_to")) : Infinity;
    el("line", { x1: pad.l, x2: W - pad.r, y1: H - pad.b, y2: H - pad.b, class: "axis" }, svg);
    data.forEach((d, i) => {
      if (!d.incidents) return;
      const r = el("rect", {
        x: pad.l + i * bw + bw * 0.1, width: Math.max(1, bw * 0.8), y: y(d.incidents, maxN),
        height: H - pad.b - y(d.incidents, maxN), class: "bar" + (d.end >= from && d.start <= to ? " in" : ""),
      }, svg);
      el("title", {}, r).textContent = iso(d.start) + (bin === "day" ? "" : " – " + iso(d.end)) + ": " +
        d.incidents + " incidents, " + d.killed + " killed";
    });
    const line = data.map((d, i) => (i ? "L" : "M") + (pad.l + (i + 0.5) * bw).toFixed(1) + "," + y(d.killed, maxK).toFixed(1)).join(" ");
    el("path", { d: line, class: "killed" }, svg);
    el("text", { x: 2, y: pad.t + 8 }, svg).textContent = String(maxN);
    el("text", { x: W - pad.r, y: pad.t + 8, "text-anchor": "end" }, svg).textContent = maxK + " killed";
    el("text", { x: pad.l, y: H - 6 }, svg).textContent = iso(data[0].start);
    el("text", { x: W - pad.r, y: H - 6, "text-anchor": "end" }, svg).textContent = iso(data[data.length - 1].end);
    svg.dataset.bins = String(data.length);

    /* brushing: drag across bars to select their dates */
    let startX = null; let brush = null;
    const at = (ev) => { const r = svg.getBoundingClientRect(); return Math.max(pad.l, Math.min(W - pad.r - 1, ev.clientX - r.left)); };
    svg.onpointerdown = (ev) => {
      startX = at(ev); svg.setPointerCapture(ev.pointerId);
      brush = el("rect", { x: startX, y: pad.t, width: 1, height: H - pad.t - pad.b, class: "brush" }, svg);
    };
    svg.onpointermove = (ev) => {
      if (startX === null) return;
      const x = at(ev);
      brush.setAttribute("x", Math.min(x, startX)); brush.setAttribute("width", Math.max(1, Math.abs(x - startX)));
    };
    svg.onpointerup = (ev) => {
      if (startX === null) return;
      const x = at(ev);
      const i0 = Math.floor((Math.min(x, startX) - pad.l) / bw), i1 = Math.floor((Math.max(x, startX) - pad.l) / bw);
      startX = null;
      const a = data[Math.max(0, i0)], b = data[Math.min(data.length - 1, i1)];
      go({ date_from: iso(a.start), date_to: iso(b.end) });
    };
  }
  fetch("/api/stats?" + selection(["date_from", "date_to"]).toString())
    .then((r) => r.json())
    .then((stats) => {
      byDay = stats.by_day;
      const span = byDay.length ? (parse(byDay[byDay.length - 1].key) - parse(byDay[0].key)) / DAY : 0;
      const auto = span <= 120 ? "day" : span <= 900 ? "week" : "month";
      if (auto === "month" && !document.querySelector('input[name="bin"][value="month"]')) {
        const head = document.querySelector('input[name="bin"][value="week"]').parentElement;
        const label = document.createElement("label");
        label.innerHTML = '<input type="radio" name="bin" value="month"> per month';
        head.after(label);
        label.querySelector("input").addEventListener("change", draw);
      }
      const pick = document.querySelector('input[name="bin"][value="' + auto + '"]');
      if (pick) pick.checked = true;
      draw();
    });
  document.querySelectorAll('input[name="bin"]').forEach((r) => r.addEventListener("change", draw));
  window.addEventListener("resize", () => draw());
})();
