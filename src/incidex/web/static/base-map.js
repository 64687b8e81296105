/* A Leaflet map with no tile server: Natural Earth country shapes (world-atlas, vendored)
   drawn as vector polygons, so the page works with no network at all. */
"use strict";
window.incidexBaseMap = function (elementId) {
  const map = L.map(elementId, { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5, preferCanvas: false });
  map.attributionControl.addAttribution("Country shapes: Natural Earth");
  map.setView([20, 20], 2);
  const ready = fetch("/static/vendor/world-atlas/countries-50m.json")
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.status))))
    .then((topo) => {
      const countries = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(countries, {
        interactive: false,
        style: { color: "#8b9aa8", weight: 0.6, fillColor: "#f3efe6", fillOpacity: 1 },
      }).addTo(map);
    })
    .catch((err) => console.warn("country shapes not loaded", err));
  return { map, ready };
};
