// Live session screens poll a small state endpoint every 2 seconds. A new phase (step,
// reveal, followed choice, end) reloads the page; otherwise only the counts change.
// Without JavaScript the page refreshes itself (<noscript> meta refresh).
(function () {
  "use strict";
  var root = document.querySelector("[data-live-poll]");
  if (!root || !window.fetch) {
    return;
  }
  var url = root.getAttribute("data-state-url");
  var phase = root.getAttribute("data-phase");
  var etag = null;
  var counters = document.querySelectorAll("[data-live-votes]");
  var joinedCounters = document.querySelectorAll("[data-live-joined]");
  // After a reveal or a followed choice the projector shows what the room should look at.
  // A reload would put the old scroll position back, so the page scrolls itself.
  var scrollTarget = document.querySelector("[data-live-scroll]");
  if ("scrollRestoration" in window.history) {
    window.history.scrollRestoration = "manual";
  }
  if (scrollTarget) {
    window.addEventListener("load", function () {
      scrollTarget.scrollIntoView({ block: "start" });
    });
  }

  function update(elements, value) {
    if (value === undefined) {
      return;
    }
    elements.forEach(function (element) {
      if (element.textContent !== String(value)) {
        element.textContent = String(value);
      }
    });
  }

  function show(data) {
    if (data.phase !== phase) {
      window.location.reload();
      return;
    }
    update(counters, data.votes);
    update(joinedCounters, data.joined);
  }

  function poll() {
    var headers = { Accept: "application/json" };
    if (etag) {
      headers["If-None-Match"] = etag;
    }
    fetch(url, { headers: headers, credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (response.status !== 200) {
          return null;
        }
        etag = response.headers.get("ETag");
        return response.json();
      })
      .then(function (data) {
        if (data) {
          show(data);
        }
      })
      .catch(function () {})
      .then(function () {
        window.setTimeout(poll, 2000);
      });
  }

  window.setTimeout(poll, 2000);
})();
