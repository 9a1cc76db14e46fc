/* queuegate waiting page. No framework: join or resume, follow the line (Server-Sent Events, or
 * polling at poll_after_ms), enter when ready, and hand the admission token to the target.
 *
 * Tabs: the waiting token is kept in localStorage per event, so every tab of this browser shows the
 * same place. Each open tab also writes a timestamp into a shared tab list every few seconds. When
 * a tab closes it removes itself and frees the place with navigator.sendBeacon only when no other
 * tab of the event was seen recently (LIVE_MS, generous because background tabs run their timers
 * rarely). A page that goes to the back-forward cache is not closed and does not leave.
 *
 * Retries: join and enter each keep one Idempotency-Key from their first try until the server
 * has decided (see settled), so a retry after a lost answer gets that answer back instead of a
 * second place or a "place gone". The join's key is stored with the event before the request
 * goes out, so a reload or another tab retries the same join; a pending enter's key is stored
 * with the token.
 *
 * Behind the gate (cfg.gate) the page is served under the protected host: it calls the API under
 * cfg.api, enters through the gate, which sets the session cookie, and goes back to the page the
 * visitor first asked for.
 *
 * A scheduled sale: before its opening the page shows a countdown instead of a place (every place
 * in the pre-queue is drawn at the opening), redrawn every second but announced to screen readers
 * only when the page learns of it, one minute and ten seconds before, and at the opening; then the
 * place as usual. */
(function () {
  'use strict';
  var cfg = JSON.parse(document.getElementById('qg-config').textContent);
  var S = cfg.strings;
  var API = cfg.api || '/api/v1/queue/';
  var GATE = cfg.gate || null;
  var KEY = 'queuegate:wait:' + cfg.eventId;
  var TABS = 'queuegate:tabs:' + cfg.eventId;
  var LIVE_MS = 90000;
  var ADMITTED_MS = 1800000;
  var tabId = uuid();
  var $ = function (id) { return document.getElementById(id); };
  var root = $('qg');
  var token = null, startPos = 0, stream = null, timer = null, done = false, lastSpoken = 0;
  var enterKey = null;
  var opensAt = null, countdown = null, announced = {}, opensSaid = null;
  var fmt = window.Intl ? new Intl.NumberFormat(cfg.lang) : { format: String };

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16)), h = [];
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    for (var i = 0; i < 16; i++) { h.push((b[i] + 256).toString(16).slice(1)); }
    h = h.join('');
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join('-');
  }
  function t(key, vars) {
    return String(S[key] || key).replace(/\{(\w+)\}/g, function (m, k) {
      return vars && vars[k] != null ? vars[k] : m;
    });
  }
  function read(key) {
    try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
  }
  function write(key, value) {
    try {
      if (value == null) { localStorage.removeItem(key); } else { localStorage.setItem(key, JSON.stringify(value)); }
    } catch (e) { /* private mode: this tab still works, it just cannot share */ }
  }
  function touchTab() {
    var tabs = read(TABS) || {};
    tabs[tabId] = Date.now();
    write(TABS, tabs);
  }
  function otherLiveTabs() {
    var tabs = read(TABS) || {}, now = Date.now(), alive = 0;
    delete tabs[tabId];
    Object.keys(tabs).forEach(function (id) {
      if (now - tabs[id] < LIVE_MS) { alive++; } else { delete tabs[id]; }
    });
    write(TABS, tabs);
    return alive;
  }

  function say(text, force) {
    $('qg-message').textContent = text;
    // Screen readers hear news at once, but a moving position at most every 20 s.
    if (!force && Date.now() - lastSpoken < 20000) { return; }
    if (!force) { lastSpoken = Date.now(); }
    $('qg-live').textContent = text;
  }
  function speak(text) { $('qg-live').textContent = text; }
  function showError(text) { var e = $('qg-error'); e.textContent = text; e.hidden = !text; if (text) { $('qg-live').textContent = text; } }
  function state(name) { root.setAttribute('data-state', name); }
  function eta(sec, ready) {
    if (ready || sec <= 0) { return t('eta.now'); }
    if (sec < 60) { return t('eta.underMinute'); }
    var min = Math.ceil(sec / 60);
    return min < 60 ? t('eta.minutes', { n: min }) : t('eta.hours', { h: Math.floor(min / 60), m: min % 60 });
  }
  function progress(pct) {
    $('qg-progress-fill').style.transform = 'scaleX(' + pct / 100 + ')';
    $('qg-progress').setAttribute('aria-valuenow', String(Math.round(pct)));
  }
  function show(st) {
    showError('');
    if (st.opens_at) { $('qg-fair').hidden = false; }
    if (st.phase === 'pre_queue' && st.opens_at) { return awaitOpening(Date.parse(st.opens_at), 'status.prequeue'); }
    var opened = opensAt !== null;
    if (opened) { endCountdown(); state('waiting'); }
    if (st.position > startPos) { startPos = st.position; remember(); }
    $('qg-position').textContent = fmt.format(st.position);
    $('qg-eta').textContent = eta(st.eta_sec, st.ready_for_entry);
    progress(startPos <= 1 ? 100 : (startPos - st.position) / (startPos - 1) * 100);
    $('qg-leave').hidden = false;
    say(st.ready_for_entry ? t('status.ready') : t('status.waiting', { position: fmt.format(st.position) }), st.ready_for_entry || opened);
  }
  function clock(ms) {
    var d = new Date(ms), o = { hour: 'numeric', minute: '2-digit' };
    if (d.getSeconds()) { o.second = '2-digit'; }
    if (d.toDateString() !== new Date().toDateString()) { o.month = 'short'; o.day = 'numeric'; }
    return d.toLocaleString(cfg.lang, o);
  }
  function duration(sec) {
    var h = Math.floor(sec / 3600), m = Math.floor(sec / 60) % 60, s = sec % 60;
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    return (h ? h + ':' + two(m) : String(m)) + ':' + two(s);
  }
  function secondsUntil(ms) { return Math.max(0, Math.ceil((ms - Date.now()) / 1000)); }
  // The countdown to the opening at ms; the sentence under it is announced when it is new.
  function awaitOpening(ms, sentence, vars) {
    state('pre-queue'); $('qg-opening').hidden = false; $('qg-leave').hidden = !token;
    if (opensAt !== ms) {
      var left = secondsUntil(ms);
      opensAt = ms;
      announced = { minute: left <= 60, ten: left <= 10, open: false };
    }
    if (opensSaid !== sentence + ms) {
      opensSaid = sentence + ms;
      say(t(sentence, vars || { time: clock(ms) }), true);
    }
    tick();
    if (!countdown) { countdown = setInterval(tick, 1000); }
  }
  function tick() {
    var left = secondsUntil(opensAt);
    $('qg-countdown').textContent = duration(left);
    if (left <= 60 && !announced.minute) { announced.minute = true; speak(t('countdown.minute')); }
    if (left <= 10 && !announced.ten) { announced.ten = true; speak(t('countdown.seconds', { n: fmt.format(left) })); }
    if (left === 0 && !announced.open) {
      announced.open = true; say(t('status.opening'), true);
      // The server's poll_after_ms already points here; a page on the event stream hears it.
      if (token && !stream) { later(poll, 1 + Math.random() * 2); }
    }
  }
  function endCountdown() {
    clearInterval(countdown); countdown = null; opensAt = null; opensSaid = null;
    $('qg-opening').hidden = true;
  }
  function remember() { write(KEY, { token: token, start: startPos, entering: enterKey || undefined }); }
  function stop() {
    if (stream) { stream.close(); stream = null; }
    clearTimeout(timer);
  }
  function later(fn, sec) { clearTimeout(timer); timer = setTimeout(fn, Math.max(1, sec) * 1000); }

  function call(method, path, body, idempotencyKey, url) {
    var headers = { 'Content-Type': 'application/json' };
    if (idempotencyKey) { headers['Idempotency-Key'] = idempotencyKey; }
    return fetch(url || API + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined, cache: 'no-store' })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (json) {
          var retry = parseInt(res.headers.get('Retry-After'), 10);
          return { ok: res.ok, status: res.status, json: json, retry: isNaN(retry) ? 5 : retry };
        });
      }, function () { return { ok: false, status: 0, json: {}, retry: 5 }; });
  }
  // Whether the server decided the request, so its Idempotency-Key has served: an answer it keeps
  // for replay (2xx) or a refusal (4xx). No answer, a 5xx (a gateway's 502/504, or a store that
  // failed after the change was made) or DUPLICATE_REQUEST (the first try still runs) leave the
  // outcome open: the next try must carry the same key to get the first answer back.
  function settled(r) {
    var code = (r.json.error || {}).code;
    return r.status >= 200 && r.status < 500 && code !== 'DUPLICATE_REQUEST' && code !== 'RATE_LIMITED';
  }
  // Every failure ends here: a message, and a retry where waiting helps.
  function fail(r, retry) {
    var err = r.json.error || {}, code = err.code, s = { seconds: r.retry };
    stop();
    if (code === 'TOKEN_NOT_FOUND' || code === 'TOKEN_EXPIRED') {
      // An enter whose answer was lost has taken the waiter out of the line: ask for that answer.
      if (enterKey && token && !done) { return enter(); }
      write(KEY, null); return gone(code === 'TOKEN_EXPIRED' ? 'error.expired' : 'error.gone');
    }
    var msg = { EVENT_PAUSED: 'error.paused', ROOM_CLOSED: 'error.closed', QUEUE_FULL: 'error.full', SERVICE_UNAVAILABLE: 'error.busy',
      DUPLICATE_REQUEST: 'error.busy', RATE_LIMITED: 'error.rate', ENQUEUE_TOKEN_REQUIRED: 'error.invite',
      INVALID_ENQUEUE_TOKEN: 'error.invite' }[code];
    if (!code && (r.status === 502 || r.status === 504)) { msg = 'error.busy'; }
    if (r.status === 0) { msg = 'error.offline'; }
    if (code === 'EVENT_PAUSED') { s.seconds = r.retry = 30; }
    showError(msg ? t(msg, s) : t('error.generic', { code: code || r.status, trace: err.trace_id || '-' }));
    if (msg && msg !== 'error.invite') { later(retry, r.retry); }
  }

  function gone(msg) {
    stop(); endCountdown(); token = null; enterKey = null; state('gone'); showError(t(msg));
    $('qg-rejoin').hidden = false; $('qg-leave').hidden = true;
  }
  function join() {
    var saved = read(KEY) || {};
    // Another tab got the place (or entered) while this one waited to retry: follow it.
    if (saved.token || recentlyAdmitted(saved)) { return start(); }
    stop(); state('joining'); say(t('status.joining'), true);
    var key = saved.joining || uuid();
    write(KEY, { joining: key });
    call('POST', 'join', { event_id: cfg.eventId }, key).then(function (r) {
      if (!r.ok) {
        if (settled(r) && (read(KEY) || {}).joining === key) { write(KEY, null); }
        var err = r.json.error || {}, d = err.details || {};
        if (err.code === 'SALE_NOT_STARTED' && d.pre_queue_starts_at && d.opens_at) { return notStarted(d); }
        return fail(r, join);
      }
      token = r.json.waiting_token; state('waiting');
      // A pre-queue answer's position is the pre-queue's size: the real start comes at the opening.
      startPos = r.json.phase === 'pre_queue' ? 0 : r.json.position_hint; remember();
      show({ position: r.json.position_hint, eta_sec: r.json.eta_sec, ready_for_entry: false,
        phase: r.json.phase, opens_at: r.json.opens_at });
      follow(r.json.poll_after_ms);
    });
  }
  // The line is not open yet: count down to the opening and join when the line opens.
  function notStarted(d) {
    var start = Date.parse(d.pre_queue_starts_at);
    $('qg-fair').hidden = false;
    awaitOpening(Date.parse(d.opens_at), 'error.notstarted', { time: clock(start) });
    later(join, (start - Date.now()) / 1000 + Math.random() * 2);
  }
  function poll() {
    call('GET', 'status?token=' + encodeURIComponent(token)).then(function (r) {
      if (!r.ok) { return fail(r, poll); }
      state('waiting'); show(r.json);
      if (r.json.ready_for_entry) { enter(); } else if (cfg.push !== false) { follow(r.json.poll_after_ms); } else { timer = setTimeout(poll, r.json.poll_after_ms); }
    });
  }
  // Push first; when the stream is refused or breaks, poll (which also explains any error).
  function follow(pollAfterMs) {
    stop();
    if (!window.EventSource || cfg.push === false) { timer = setTimeout(poll, pollAfterMs || 1000); return; }
    stream = new EventSource(API + 'events?token=' + encodeURIComponent(token));
    stream.addEventListener('status', function (e) { state('waiting'); show(JSON.parse(e.data)); });
    stream.addEventListener('ready', function () { enter(); });
    stream.onerror = function () { stop(); cfg.push = false; poll(); };
  }
  function enter() {
    if (done) { return; }
    stop(); state('ready'); say(t('status.ready'), true);
    if (GATE) {
      call('POST', null, { waiting_token: token, return_url: GATE.returnUrl }, null, GATE.enterUrl).then(function (r) {
        if (r.status === 403 && r.json.error && r.json.error.code === 'NOT_READY') {
          say(t('status.almost'), true); later(poll, r.retry); return;
        }
        if (!r.ok) { return fail(r, poll); }
        // The session cookie is set: back to the page asked for. Coming back later queues anew.
        done = true; write(KEY, null); state('admitted'); progress(100);
        say(t('status.redirecting'), true); location.assign(r.json.redirect);
      });
      return;
    }
    if (!enterKey) { enterKey = uuid(); remember(); }
    var key = enterKey;
    call('POST', 'enter', { waiting_token: token }, key).then(function (r) {
      var decided = settled(r);
      if (decided && enterKey === key) { enterKey = null; if (token && !r.ok) { remember(); } }
      if (r.status === 403 && r.json.error && r.json.error.code === 'NOT_READY') {
        say(t('status.almost'), true); later(poll, r.retry); return;
      }
      if (!r.ok) { return fail(r, decided ? poll : enter); }
      // Remember the admission, so that coming back does not silently take a new place.
      done = true; write(KEY, { admitted: Date.now() }); admitted(r.json);
    });
  }
  function admitted(grant) {
    stop(); showError(''); state('admitted'); progress(100); $('qg-leave').hidden = true;
    $('qg-position').textContent = '\u2713';
    $('qg-eta').textContent = '\u2014';
    var target = cfg.targetUrl;
    if (!target) {
      say(t('status.admitted', { expires: new Date(grant.expires_at).toLocaleString(cfg.lang) }), true);
      $('qg-token-value').value = grant.reservation_token; $('qg-token').hidden = false;
      return;
    }
    say(t('status.redirecting'), true);
    if (cfg.delivery === 'form') {
      var form = document.createElement('form'), input = document.createElement('input');
      form.method = 'POST'; form.action = target;
      input.type = 'hidden'; input.name = 'reservation_token'; input.value = grant.reservation_token;
      form.appendChild(input); document.body.appendChild(form); form.submit();
    } else {
      var u = new URL(target);
      u.searchParams.set('reservation_token', grant.reservation_token);
      location.assign(u.toString());
    }
  }
  function leave() {
    stop(); endCountdown(); done = true; enterKey = null;
    call('POST', 'leave', { waiting_token: token });
    write(KEY, null); token = null; state('left');
    say(t('status.left'), true); $('qg-leave').hidden = true; $('qg-rejoin').hidden = false;
  }
  function recentlyAdmitted(saved) { return saved.admitted && Date.now() - saved.admitted < ADMITTED_MS; }
  function start() {
    done = false; showError(''); $('qg-rejoin').hidden = true; $('qg-token').hidden = true;
    var saved = read(KEY) || {};
    if (recentlyAdmitted(saved)) {
      state('gone'); say(t('status.already'), true); $('qg-rejoin').hidden = false;
    } else if (saved.token) {
      token = saved.token; startPos = saved.start || 0; enterKey = saved.entering || null;
      state('resuming'); say(t('status.resuming'), true); poll();
    } else {
      join();
    }
  }

  $('qg-rejoin').addEventListener('click', function () { write(KEY, null); start(); });
  $('qg-leave').addEventListener('click', leave);
  window.addEventListener('pagehide', function (e) {
    var others = otherLiveTabs();
    if (e.persisted || done || !token || others > 0) { return; }
    navigator.sendBeacon(API + 'leave?token=' + encodeURIComponent(token));
    write(KEY, null);
  });
  window.addEventListener('pageshow', function (e) { if (e.persisted) { touchTab(); start(); } });
  // Another tab entered or left: this one follows instead of holding a stale token.
  window.addEventListener('storage', function (e) {
    if (e.key === KEY && token && !done && !(read(KEY) || {}).token) { gone('error.gone'); }
  });
  touchTab();
  setInterval(touchTab, 5000);
  start();
})();
