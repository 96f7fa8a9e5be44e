/* Timeline filter: narrows the timeline to the entries that involve one actor
   and/or are reported by one source.

   The generator writes every entry as <li data-actors="…" data-sources="…">
   (space-separated, percent-encoded ids) and a hidden <form data-timeline="filter">
   whose <select> values are the same tokens. This script only compares those
   tokens and toggles `hidden`: it never turns page text into markup, loads
   nothing and needs no library. Without it the form stays hidden and every
   entry shows. A link may preselect: timeline.html?actors=<actor id>&sources=<source id>.
   Runs on every page load, Material's instant navigation included
   (through its `document$` observable when present). */
(function () {
  "use strict";

  function toArray(items) {
    return Array.prototype.slice.call(items);
  }

  function hasToken(list, token) {
    return (list || "").split(" ").indexOf(token) !== -1;
  }

  function matches(entry, selects) {
    return selects.every(function (select) {
      var key = select.getAttribute("data-timeline-key");
      return !select.value || hasToken(entry.getAttribute("data-" + key), select.value);
    });
  }

  function entriesOf(list) {
    return toArray(list.children).filter(function (child) {
      return child.tagName === "LI";
    });
  }

  /* The "no entry matches" note written right after a list, if any. */
  function noteAfter(list) {
    var next = list.nextElementSibling;
    return next && next.getAttribute("data-timeline") === "none" ? next : null;
  }

  function countText(shown, total) {
    var noun = total === 1 ? " event" : " events";
    return shown === total ? "All " + total + noun + " shown" : shown + " of " + total + noun + " shown";
  }

  function update(selects, lists, count) {
    var shown = 0;
    var total = 0;
    lists.forEach(function (list) {
      var visible = 0;
      entriesOf(list).forEach(function (entry) {
        var keep = matches(entry, selects);
        entry.hidden = !keep;
        visible += keep ? 1 : 0;
        total += 1;
      });
      var note = noteAfter(list);
      if (note) note.hidden = visible > 0;
      shown += visible;
    });
    if (count) count.textContent = countText(shown, total);
  }

  function decoded(text) {
    try {
      return decodeURIComponent(text);
    } catch (error) {
      return text;
    }
  }

  /* Preselect from the page address (?actors=<id>&sources=<id>) when such an option exists. */
  function preselect(selects) {
    if (typeof URLSearchParams !== "function") return;
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.getAttribute("data-timeline-key"));
      if (!wanted) return;
      toArray(select.options).forEach(function (option) {
        if (option.value && decoded(option.value) === wanted) select.value = option.value;
      });
    });
  }

  function setup() {
    var form = document.querySelector('form[data-timeline="filter"]');
    if (!form || form.getAttribute("data-timeline-ready") === "1") return;
    form.setAttribute("data-timeline-ready", "1");
    var selects = toArray(form.querySelectorAll("select[data-timeline-key]"));
    var lists = toArray(document.querySelectorAll('[data-timeline="list"]'));
    var count = form.querySelector('[data-timeline="count"]');
    var reset = form.querySelector('[data-timeline="reset"]');
    var refresh = function () { update(selects, lists, count); };
    selects.forEach(function (select) { select.addEventListener("change", refresh); });
    if (reset) {
      reset.addEventListener("click", function () {
        selects.forEach(function (select) { select.value = ""; });
        refresh();
      });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    preselect(selects);
    form.hidden = false;
    refresh();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
