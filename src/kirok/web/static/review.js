// Keyboard shortcuts of the review pages: v verify, r reject, e edit, j/k next/previous, u queue, ? help.
// The pages work without this file; every shortcut does what a link or button on the page does.
(function () {
  "use strict";

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function follow(id) {
    var link = document.getElementById(id);
    if (link && link.href) window.location.assign(link.href);
  }

  function firstOf(selector) {
    return document.querySelector(selector);
  }

  var actions = {
    v: function () {
      var form = document.getElementById("verify-form");
      if (form) form.requestSubmit ? form.requestSubmit() : form.submit();
    },
    r: function () {
      var reason = document.getElementById("reject-reason");
      if (reason) reason.focus();
    },
    e: function () {
      var edit = document.getElementById("edit");
      if (!edit) return;
      var first = edit.querySelector("details");
      if (first) first.open = true;
      var field = first && first.querySelector("select, input:not([type=hidden]), textarea");
      edit.scrollIntoView({ block: "start" });
      if (field) field.focus();
    },
    j: function () {
      if (document.getElementById("queue-next")) return follow("queue-next");
      var start = firstOf("a.start");
      if (start) window.location.assign(start.href);
    },
    k: function () { follow("queue-prev"); },
    u: function () { follow("queue-link"); },
    "?": function () {
      var help = document.getElementById("shortcuts");
      if (!help) return;
      help.scrollIntoView({ block: "center" });
      help.focus();
      help.classList.add("flash");
      window.setTimeout(function () { help.classList.remove("flash"); }, 1500);
    }
  };

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && typing(event.target)) {
      event.target.blur();
      return;
    }
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    var action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });
})();
