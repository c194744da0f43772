// A closing test keeps the answers ticked so far in this tab (sessionStorage) until it is
// handed in: a reload, a tap on "back" or a phone that drops the page no longer loses
// them. The server's own answers (after a refused hand-in) win over what was kept.
(function () {
  "use strict";
  var form = document.querySelector("form[data-attempt]");
  if (!form || !window.sessionStorage) {
    return;
  }
  var key = "kantelwerk-closing-test-" + form.getAttribute("data-attempt");
  var inputs = form.querySelectorAll("input[name^='q-']");

  function save() {
    var ticked = [];
    inputs.forEach(function (input) {
      if (input.checked) {
        ticked.push(input.name + "=" + input.value);
      }
    });
    try {
      sessionStorage.setItem(key, JSON.stringify(ticked));
    } catch (error) {
      // Storage full or refused: the answers still go with the form.
    }
  }

  function restore() {
    var kept;
    try {
      kept = JSON.parse(sessionStorage.getItem(key) || "[]");
    } catch (error) {
      return;
    }
    if (form.querySelector("input[name^='q-']:checked") || !kept.length) {
      return; // the page already shows answers the server kept
    }
    inputs.forEach(function (input) {
      input.checked = kept.indexOf(input.name + "=" + input.value) !== -1;
    });
  }

  restore();
  form.addEventListener("change", save);
  form.addEventListener("submit", function () {
    sessionStorage.removeItem(key);
  });
})();
