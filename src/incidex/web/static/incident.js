/* The incident and article pages: hovering a field lights up its evidence in the article text, and
   hovering highlighted text lights up the fields it is evidence for. */
"use strict";
(function () {
  const marks = Array.from(document.querySelectorAll("mark.ev-span"));
  const fields = Array.from(document.querySelectorAll("[data-field]"));
  function light(keys, on) {
    for (const m of marks) {
      const mine = m.dataset.fields.split(" ");
      if (keys.some((k) => mine.includes(k))) m.classList.toggle("lit", on);
    }
    for (const f of fields) if (keys.includes(f.dataset.field)) f.classList.toggle("lit", on);
  }
  for (const f of fields) {
    f.addEventListener("mouseenter", () => {
      light([f.dataset.field], true);
      const first = marks.find((m) => m.dataset.fields.split(" ").includes(f.dataset.field));
      if (first && first.getBoundingClientRect().top > window.innerHeight) first.scrollIntoView({ block: "center", behavior: "smooth" });
    });
    f.addEventListener("mouseleave", () => light([f.dataset.field], false));
  }
  for (const m of marks) {
    const keys = m.dataset.fields.split(" ");
    if (!m.title) m.title = "evidence for: " + keys.join(", ");
    m.addEventListener("mouseenter", () => light(keys, true));
    m.addEventListener("mouseleave", () => light(keys, false));
  }
})();
