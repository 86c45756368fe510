/* Questionnaire page: conditional questions, a local backup of unsaved input, and session expiry.
   Autosave itself is htmx (hx-post on each input); without JavaScript the page is a plain form. */
(function () {
  "use strict";
  var form = document.getElementById("answers-form");
  if (!form) return;
  var storageKey = form.dataset.storageKey;
  var FIELDS = ["value", "comment", "diverging_view"];
  // Status texts come translated from the page (data-msg-* on the form); the Dutch text is the fallback.
  function message(name, fallback) { return form.dataset[name] || fallback; }

  function load() {
    try { return JSON.parse(window.localStorage.getItem(storageKey) || "{}"); } catch (e) { return {}; }
  }
  function store(data) {
    try {
      if (Object.keys(data).length) window.localStorage.setItem(storageKey, JSON.stringify(data));
      else window.localStorage.removeItem(storageKey);
    } catch (e) { /* storage full or disabled: autosave still works */ }
  }
  function cardOf(el) { return el && el.closest ? el.closest(".question-card") : null; }
  function inputs(card, field) { return card.querySelectorAll('[name="' + card.dataset.code + "-" + field + '"]'); }

  function snapshot(card) {
    var data = {};
    FIELDS.concat(["revision"]).forEach(function (field) {
      var list = inputs(card, field);
      if (!list.length) return;
      if (list[0].type === "radio" || list[0].type === "checkbox") {
        data[field] = Array.prototype.filter.call(list, function (i) { return i.checked; }).map(function (i) { return i.value; });
      } else {
        data[field] = list[0].value;
      }
    });
    return data;
  }
  function restore(card, data) {
    FIELDS.concat(["revision"]).forEach(function (field) {
      if (!(field in data)) return;
      var list = inputs(card, field);
      if (!list.length) return;
      if (list[0].type === "radio" || list[0].type === "checkbox") {
        Array.prototype.forEach.call(list, function (i) { i.checked = data[field].indexOf(i.value) !== -1; });
      } else {
        list[0].value = data[field];
      }
    });
  }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function setState(card, text, kind) {
    var el = card.querySelector(".save-state");
    if (!el) {
      el = document.createElement("span");
      card.querySelector(".answer-state").appendChild(el);
    }
    el.textContent = text;
    el.className = "save-state " + (kind || "");
    // A save that failed on the way is announced in the page's one live region; a server's answer announces itself.
    var announcer = document.getElementById("save-announcer");
    if (announcer && kind === "error") announcer.textContent = text;
  }
  // After a save the card's state is new: its value field is marked invalid and points to the refusal, or not.
  function markErrors(card) {
    var code = card.dataset.code;
    var errorId = "error-" + code;
    var invalid = !!document.getElementById(errorId);
    Array.prototype.forEach.call(inputs(card, "value"), function (input) {
      var target = input.closest("[role=radiogroup]") || input;
      var ids = (target.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) { return id && id !== errorId; });
      if (invalid) ids.unshift(errorId);
      if (ids.length) target.setAttribute("aria-describedby", ids.join(" "));
      else target.removeAttribute("aria-describedby");
      if (invalid) target.setAttribute("aria-invalid", "true");
      else target.removeAttribute("aria-invalid");
      if (target === input && input.classList.contains("form-control")) input.classList.toggle("is-invalid", invalid);
    });
  }
  function currentValue(code) {
    var card = document.getElementById("q-" + code);
    if (!card) return null;
    var list = inputs(card, "value");
    if (!list.length) return card.dataset.value || null;
    if (list[0].type === "radio" || list[0].type === "checkbox") {
      return Array.prototype.filter.call(list, function (i) { return i.checked; }).map(function (i) { return i.value; }).join("|");
    }
    return list[0].value;
  }
  function applyConditions() {
    document.querySelectorAll(".question-card[data-condition-code]").forEach(function (card) {
      var value = currentValue(card.dataset.conditionCode);
      if (value === null) return; // the controlling question is on another theme page
      card.hidden = value !== card.dataset.conditionValue;
    });
  }

  // Every edit: remember it locally until the server confirms it, and say it is not saved yet.
  var edits = {};
  function edited(event) {
    var card = cardOf(event.target);
    if (!card || !event.target.name || event.target.type === "hidden") return;
    var code = card.dataset.code;
    edits[code] = (edits[code] || 0) + 1;
    var backup = load();
    var previous = backup[code];
    var snap = snapshot(card);
    // Keep the revision the user started from, so a conflict is still detected after a reload.
    if (previous && previous.revision !== undefined) snap.revision = previous.revision;
    backup[code] = snap;
    store(backup);
    setState(card, message("msgUnsaved", "Wijziging nog niet opgeslagen…"), "text-body-secondary");
    applyConditions();
  }
  form.addEventListener("input", edited);
  form.addEventListener("change", edited);

  // A save that failed on the way (no connection, or a server error such as a busy database) is tried again
  // a few times, waiting longer each time; a newer save of the same card replaces a pending retry.
  var RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];
  var retries = {};
  function retry(card) {
    var code = card.dataset.code;
    var state = retries[code] || (retries[code] = { attempt: 0, timer: null });
    if (state.attempt >= RETRY_DELAYS_MS.length) { delete retries[code]; return false; }
    var delay = RETRY_DELAYS_MS[state.attempt];
    state.attempt += 1;
    setState(card, message("msgRetrying", "Niet opgeslagen; opnieuw proberen…"), "text-body-secondary");
    state.timer = window.setTimeout(function () { state.timer = null; state.retrying = true; save(card); }, delay);
    return true;
  }

  // With DEBUG on, django-htmx's debug script (listening on the document) replaces the page with the error page of
  // a 500; for a save this page retries instead, so the error stops here (the server's log keeps the traceback).
  document.body.addEventListener("htmx:beforeOnLoad", function (event) {
    if (cardOf(event.detail.elt) && event.detail.xhr && event.detail.xhr.status >= 500) event.stopPropagation();
  });

  document.body.addEventListener("htmx:beforeRequest", function (event) {
    var card = cardOf(event.detail.elt);
    if (!card) return;
    var pending = retries[card.dataset.code];
    if (pending) {
      if (pending.timer) window.clearTimeout(pending.timer);
      pending.timer = null;
      if (!pending.retrying) pending.attempt = 0; // the user saved anew: a fresh series of retries
      pending.retrying = false;
    }
    event.detail.elt.dataset.editsAtSend = edits[card.dataset.code] || 0;
    setState(card, message("msgSaving", "Bezig met opslaan…"), "text-body-secondary");
  });
  document.body.addEventListener("htmx:afterRequest", function (event) {
    var card = cardOf(event.detail.elt);
    if (!card || !event.detail.successful) return;
    var code = card.dataset.code;
    delete retries[code];
    var stateNow = document.getElementById("state-" + code);
    var saved = stateNow && stateNow.querySelector(".save-state.saved");
    // Forget the backup only when nothing was typed after this save was sent.
    if (saved && String(edits[code] || 0) === String(event.detail.elt.dataset.editsAtSend)) {
      var backup = load();
      delete backup[code];
      store(backup);
    }
  });
  document.body.addEventListener("htmx:responseError", function (event) {
    var card = cardOf(event.detail.elt);
    if (event.detail.xhr && event.detail.xhr.status === 401) {
      var banner = document.getElementById("session-banner");
      if (banner) banner.hidden = false;
      if (card) setState(card, message("msgSessionExpired", "Niet opgeslagen: uw sessie is verlopen"), "error");
    } else if (card && event.detail.xhr && event.detail.xhr.status >= 500 && retry(card)) {
      return;
    } else if (card) {
      var text = message("msgServerError", "Niet opgeslagen (fout {status}); uw invoer blijft staan");
      setState(card, text.replace("{status}", event.detail.xhr.status), "error");
    }
  });
  document.body.addEventListener("htmx:sendError", function (event) {
    var card = cardOf(event.detail.elt);
    if (card && retry(card)) return;
    if (card) setState(card, message("msgOffline", "Niet opgeslagen: geen verbinding; uw invoer blijft staan"), "error");
  });
  document.body.addEventListener("htmx:afterSettle", applyConditions);
  document.body.addEventListener("htmx:afterSettle", function (event) {
    var card = cardOf(event.detail.elt);
    if (card) markErrors(card);
  });

  // The sticky "Opslaan / Volgend thema" bar never covers the focused field: the page's scroll padding
  // (cmsaudit.css) follows the bar's height, which grows when its text wraps.
  var bar = document.getElementById("save-bar");
  if (bar && window.ResizeObserver) {
    new window.ResizeObserver(function () {
      document.documentElement.style.setProperty("--save-bar-height", Math.ceil(bar.getBoundingClientRect().height) + 16 + "px");
    }).observe(bar);
  }

  function save(card) {
    var trigger = inputs(card, "comment")[0] || inputs(card, "value")[0];
    window.setTimeout(function () { window.htmx.trigger(trigger, "change"); }, 0);
  }
  function origOf(card, field) {
    var el = card.querySelector('[name="' + card.dataset.code + "-orig_" + field + '"]');
    return el ? el.value : "";
  }

  // Runs after htmx has processed the page (htmx also starts on DOMContentLoaded, and was loaded first).
  function start() {
    // Back on the page (e.g. after logging in again): put unsaved input back and save it.
    var restored = {};
    var backup = load();
    Object.keys(backup).forEach(function (code) {
      var card = document.getElementById("q-" + code);
      if (!card || !inputs(card, "value").length && !inputs(card, "comment").length) return;
      var rendered = snapshot(card);
      var wanted = backup[code];
      var differs = FIELDS.some(function (f) { return f in wanted && !same(wanted[f], rendered[f]); });
      if (!differs) { delete backup[code]; return; }
      restore(card, wanted);
      restored[code] = true;
      setState(card, message("msgRestored", "Niet opgeslagen invoer teruggezet; wordt opgeslagen…"), "text-body-secondary");
      save(card);
    });
    store(backup);

    // Input given before this script ran (or restored by the browser) differs from what was stored: save it.
    document.querySelectorAll(".question-card").forEach(function (card) {
      if (restored[card.dataset.code] || !inputs(card, "value").length) return;
      var snap = snapshot(card);
      var value = Array.isArray(snap.value) ? snap.value.join("|") : snap.value;
      if (value !== origOf(card, "value") || (snap.comment || "") !== origOf(card, "comment") ||
          (snap.diverging_view || "") !== origOf(card, "diverging_view")) {
        save(card);
      }
    });
    applyConditions();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
