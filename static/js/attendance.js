// Taking attendance on a phone: each tap posts the state it asks for (present or not) and
// updates the row in place, so the list keeps its scroll position. Without JavaScript the
// same form posts and the page comes back at the person tapped. A double tap asks for the
// same state twice, which the server takes as one.
(function () {
  "use strict";
  var list = document.querySelector("[data-attendance-list]");
  if (!list || !window.fetch || !window.FormData) {
    return;
  }
  var counter = document.querySelector("[data-present-count]");
  var errorBox = document.querySelector("[data-attendance-error]");

  function showError(text) {
    if (errorBox) {
      errorBox.textContent = text;
      errorBox.hidden = false;
    }
  }

  function setRow(form, present) {
    var row = form.closest("[data-person]");
    var button = form.querySelector("button");
    var state = form.querySelector(".attendance-toggle__state");
    var was = row.getAttribute("data-present") === "1";
    row.setAttribute("data-present", present ? "1" : "0");
    row.classList.toggle("attendance-row--present", present);
    button.setAttribute("aria-pressed", present ? "true" : "false");
    form.querySelector("[data-attendance-next]").value = present ? "0" : "1";
    state.textContent = state.getAttribute(present ? "data-label-present" : "data-label-absent");
    if (counter && was !== present) {
      counter.textContent = String(Number(counter.textContent) + (present ? 1 : -1));
    }
  }

  list.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-attendance-form]");
    if (!form) {
      return;
    }
    event.preventDefault();
    if (form.getAttribute("data-busy") === "1") {
      return; // the first tap is still on its way
    }
    form.setAttribute("data-busy", "1");
    fetch(form.action || window.location.href, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (data) {
          if (!response.ok) {
            throw new Error(data.error || "");
          }
          if (errorBox) {
            errorBox.hidden = true;
          }
          setRow(form, data.present);
        });
      })
      .catch(function (error) {
        if (error && error.message) {
          showError(error.message);
        } else {
          form.submit(); // no answer we understand: post the plain way
        }
      })
      .finally(function () {
        form.removeAttribute("data-busy");
      });
  });
})();
