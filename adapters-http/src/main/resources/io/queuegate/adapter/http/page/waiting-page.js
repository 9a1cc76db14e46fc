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
 * CAPTCHA (cfg.captcha, only for events whose policy names a provider): the page loads the
 * provider's widget script, waits for the widget's token and joins with it in X-Captcha-Token.
 * A token is good for one check by the provider, so after any answer but a request for proof of
 * work (which comes before the provider is asked) the widget is reset for a fresh one.
 *
 * Behind the gate (cfg.gate) the page is served under the protected host: it calls the API under
 * cfg.api, enters through the gate, which sets the session cookie, and goes back to the page the
 * visitor first asked for.
 *
 * A scheduled sale: before its opening the page shows a countdown instead of a place (every place
 * in the pre-queue is drawn at the opening), redrawn every second but announced to screen readers
 * only when the page learns of it, one minute and ten seconds before, and at the opening; then the
 * place as usual.
 *
 * Receipt: the join's signed receipt (docs/fairness.md#receipt) is kept with the token and shown,
 * folded away, under the place, with a Copy button, so the person can check the public log. */
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
  // The solver sits beside this script, wherever the page is served from (behind the gate too).
  var WORKER = (document.currentScript && document.currentScript.src || '/assets/waiting-page.js')
    .replace(/waiting-page\.js(\?.*)?$/, 'pow-worker.js');
  var $ = function (id) { return document.getElementById(id); };
  var root = $('qg');
  var token = null, startPos = 0, stream = null, timer = null, done = false, lastSpoken = 0;
  var enterKey = null, receipt = null;
  var CAPTCHA = cfg.captcha || null;
  // The global each provider's script defines; all three offer render(element, options) and reset.
  var CAPTCHA_API = { turnstile: 'turnstile', hcaptcha: 'hcaptcha', recaptcha: 'grecaptcha' };
  var captcha = { token: null, api: null, widget: null, loading: false, then: null };
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
  function single(sec) {
    if (sec < 60) { return t('eta.underMinute'); }
    var min = Math.ceil(sec / 60);
    return min < 60 ? t('eta.minutes', { n: min }) : t('eta.hours', { h: Math.floor(min / 60), m: min % 60 });
  }
  // The range in words: its short end rounded down, its long end up, so the words never promise
  // more than the numbers (docs/design.md#eta). A server without a range gets the single figure.
  function eta(st) {
    var sec = st.eta_sec, low = st.eta_low_sec, high = st.eta_high_sec;
    if (st.ready_for_entry || sec <= 0) { return t('eta.now'); }
    if (low == null || high == null) { return single(sec); }
    if (high < 60) { return t('eta.underMinute'); }
    var lo = Math.max(1, Math.floor(low / 60)), hi = Math.ceil(high / 60);
    if (lo >= hi) { return single(sec); }
    if (hi < 60) { return t('eta.rangeMinutes', { low: lo, high: hi }); }
    if (lo < 60) { return t('eta.rangeMixed', { low: lo, h: Math.floor(hi / 60), m: hi % 60 }); }
    var lh = Math.floor(lo / 60), hh = Math.ceil(hi / 60);
    return lh >= hh ? single(sec) : t('eta.rangeHours', { low: lh, high: hh });
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
    var wait = eta(st);
    $('qg-eta').textContent = wait;
    progress(startPos <= 1 ? 100 : (startPos - st.position) / (startPos - 1) * 100);
    $('qg-leave').hidden = false;
    say(st.ready_for_entry ? t('status.ready') : t('status.waitingFor', { position: fmt.format(st.position), eta: wait }), st.ready_for_entry || opened);
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
  function remember() {
    write(KEY, { token: token, start: startPos, entering: enterKey || undefined, receipt: receipt || undefined });
  }
  // Only an answer that carried a receipt shows one; older answers leave the section hidden.
  function showReceipt(value) {
    receipt = typeof value === 'string' && value ? value : null;
    $('qg-receipt-value').value = receipt || '';
    $('qg-receipt').hidden = !receipt;
  }
  function copyReceipt() {
    var box = $('qg-receipt-value');
    function copied() { speak(t('status.copied')); }
    // Without the Clipboard API (or when it refuses) the selected text is copied the old way.
    function fallback() {
      box.focus(); box.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      speak(t(ok ? 'status.copied' : 'status.copyFailed'));
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(box.value).then(copied, fallback);
    } else {
      fallback();
    }
  }
  function stop() {
    if (stream) { stream.close(); stream = null; }
    clearTimeout(timer);
  }
  function later(fn, sec) { clearTimeout(timer); timer = setTimeout(fn, Math.max(1, sec) * 1000); }

  function call(method, path, body, idempotencyKey, url, extra) {
    var headers = { 'Content-Type': 'application/json' };
    if (idempotencyKey) { headers['Idempotency-Key'] = idempotencyKey; }
    if (extra) { Object.keys(extra).forEach(function (h) { headers[h] = extra[h]; }); }
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
      INVALID_ENQUEUE_TOKEN: 'error.invite', PROOF_OF_WORK_REQUIRED: 'error.solve',
      INVALID_PROOF_OF_WORK: 'error.solve', CAPTCHA_REQUIRED: 'error.captcha', INVALID_CAPTCHA: 'error.captcha',
      CAPTCHA_UNAVAILABLE: 'error.captchaDown' }[code];
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
  // Proof of work (docs/design.md#bots): an event that requires it refuses a join without a
  // solution (403); the page then fetches a challenge, solves it in a Web Worker and joins again
  // with the solution. A refused solution (say, expired while the tab slept) is tried afresh, a few
  // times at most.
  function needsProof(r) {
    var code = (r.json.error || {}).code;
    return r.status === 403 && (code === 'PROOF_OF_WORK_REQUIRED' || code === 'INVALID_PROOF_OF_WORK');
  }
  function unsolved() { showError(t('error.solve', { seconds: 10 })); later(join, 10); }
  // WebCrypto's digest exists only in a secure context (HTTPS, or localhost): there no retry can
  // help, so the page says why and stops instead of trying every 10 s.
  function canSolve() { return window.isSecureContext !== false && !!(window.crypto && crypto.subtle && window.Worker); }
  function insecure() { stop(); state('gone'); showError(t('error.insecure')); }
  function puzzleLabel(on) { $('qg-progress').setAttribute('aria-label', t(on ? 'label.puzzle' : 'label.progress')); }
  // Announced three times at most (start, halfway, done): the bar moves, screen readers hear news.
  function solve(then) {
    if (!canSolve()) { return insecure(); }
    state('solving'); progress(0); puzzleLabel(true); say(t('status.solving'), true);
    call('GET', 'challenge?event_id=' + encodeURIComponent(cfg.eventId)).then(function (r) {
      if (!r.ok) { puzzleLabel(false); return fail(r, join); }
      var c = r.json, worker, half = false, quiet = null;
      function end() { clearTimeout(quiet); worker.terminate(); puzzleLabel(false); }
      // A worker that stops answering (crashed, or killed by the browser) must not hang the page.
      function watch() { clearTimeout(quiet); quiet = setTimeout(function () { end(); unsolved(); }, 30000); }
      try { worker = new Worker(WORKER); } catch (e) { puzzleLabel(false); return unsolved(); }
      worker.onmessage = function (e) {
        var m = e.data;
        watch();
        if (m.progress != null) {
          progress(m.progress * 100);
          if (!half && m.progress >= 0.5) { half = true; say(t('status.solvingHalf'), true); }
          return;
        }
        end();
        if (m.error === 'no-webcrypto') { return insecure(); }
        if (m.error) { return unsolved(); }
        progress(100); say(t('status.solved'), true);
        then(btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: m.number,
          salt: c.salt, signature: c.signature, took: m.took })));
      };
      worker.onerror = function () { end(); unsolved(); };
      watch();
      worker.postMessage(c);
    });
  }
  // CAPTCHA (docs/design.md#captcha): the widget is loaded on first need, and its token handed to
  // `then` as soon as the person (or the provider, unseen) has solved it.
  function withCaptcha(then) {
    if (captcha.token) { return then(); }
    captcha.then = then;
    stop(); state('captcha'); $('qg-captcha').hidden = false; say(t('status.captcha'), true);
    if (captcha.api || captcha.loading) { return; }
    captcha.loading = true;
    window.queuegateCaptchaReady = function () {
      captcha.api = window[CAPTCHA_API[CAPTCHA.provider]];
      captcha.widget = captcha.api.render($('qg-captcha-widget'), {
        sitekey: CAPTCHA.siteKey, callback: gotCaptcha,
        'expired-callback': function () { captcha.token = null; },
        'error-callback': function () { showError(t('error.captchaLoad', { seconds: 10 })); }
      });
    };
    var script = document.createElement('script');
    script.src = CAPTCHA.script + (CAPTCHA.script.indexOf('?') < 0 ? '?' : '&') +
      'render=explicit&onload=queuegateCaptchaReady';
    script.async = true;
    script.onerror = function () {
      captcha.loading = false; script.remove();
      showError(t('error.captchaLoad', { seconds: 10 })); later(join, 10);
    };
    document.head.appendChild(script);
  }
  function gotCaptcha(value) {
    captcha.token = value; say(t('status.captchaDone'), true);
    var then = captcha.then; captcha.then = null;
    if (then) { then(); }
  }
  function spendCaptcha() {
    captcha.token = null;
    if (captcha.api && captcha.widget != null && captcha.api.reset) {
      try { captcha.api.reset(captcha.widget); } catch (e) { /* a new render follows on error */ }
    }
  }
  function join(proof, attempts) {
    var saved = read(KEY) || {};
    attempts = attempts || 0;
    // Another tab got the place (or entered) while this one waited to retry: follow it.
    if (saved.token || recentlyAdmitted(saved)) { return start(); }
    if (CAPTCHA && !captcha.token) { return withCaptcha(function () { join(proof, attempts); }); }
    stop(); state('joining');
    // After a solve, "Puzzle solved. Joining the line…" already says it: replacing it at once
    // would keep screen readers from hearing that the puzzle is done.
    if (typeof proof !== 'string') { say(t('status.joining'), true); }
    var key = saved.joining || uuid();
    write(KEY, { joining: key });
    var extra = {};
    if (typeof proof === 'string') { extra['X-Proof-Of-Work'] = proof; }
    if (CAPTCHA) { extra['X-Captcha-Token'] = captcha.token; }
    call('POST', 'join', { event_id: cfg.eventId }, key, null, extra).then(function (r) {
      var code = (r.json.error || {}).code;
      if (CAPTCHA && !needsProof(r)) { spendCaptcha(); }
      if (!r.ok) {
        if (settled(r) && (read(KEY) || {}).joining === key) { write(KEY, null); }
        var err = r.json.error || {}, d = err.details || {};
        if (err.code === 'SALE_NOT_STARTED' && d.pre_queue_starts_at && d.opens_at) { return notStarted(d); }
        if (needsProof(r) && attempts < 3) {
          return solve(function (p) { join(p, attempts + 1); });
        }
        if (CAPTCHA && (code === 'INVALID_CAPTCHA' || code === 'CAPTCHA_REQUIRED') && attempts < 5) {
          showError(t('error.captcha'));
          return withCaptcha(function () { join(undefined, attempts + 1); });
        }
        return fail(r, join);
      }
      if (CAPTCHA) { $('qg-captcha').hidden = true; }
      token = r.json.waiting_token; state('waiting'); showReceipt(r.json.receipt);
      // A pre-queue answer's position is the pre-queue's size: the real start comes at the opening.
      startPos = r.json.phase === 'pre_queue' ? 0 : r.json.position_hint; remember();
      show({ position: r.json.position_hint, eta_sec: r.json.eta_sec, eta_low_sec: r.json.eta_low_sec,
        eta_high_sec: r.json.eta_high_sec, ready_for_entry: false, phase: r.json.phase, opens_at: r.json.opens_at });
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
    done = false; showError(''); $('qg-rejoin').hidden = true; $('qg-token').hidden = true; showReceipt(null);
    var saved = read(KEY) || {};
    if (recentlyAdmitted(saved)) {
      state('gone'); say(t('status.already'), true); $('qg-rejoin').hidden = false;
    } else if (saved.token) {
      token = saved.token; startPos = saved.start || 0; enterKey = saved.entering || null;
      showReceipt(saved.receipt);
      state('resuming'); say(t('status.resuming'), true); poll();
    } else {
      join();
    }
  }

  $('qg-rejoin').addEventListener('click', function () { write(KEY, null); start(); });
  $('qg-leave').addEventListener('click', leave);
  $('qg-receipt-copy').addEventListener('click', copyReceipt);
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
