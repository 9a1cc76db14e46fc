/* queuegate proof-of-work solver (docs/design.md#bots), a Web Worker so the page stays responsive.
 * Receives an ALTCHA challenge {algorithm, challenge, maxnumber, salt, signature}, tries numbers
 * from 0 up with WebCrypto's SHA-256 until hex(SHA-256(salt + n)) equals the challenge, and posts
 * {progress: 0..1} now and then and finally {number, took} (or {error}). Hashes run in batches
 * of concurrent digests, since each digest is a promise. */
'use strict';
var BATCH = 256;
function hex(buf) {
  var b = new Uint8Array(buf), s = '';
  for (var i = 0; i < b.length; i++) { s += (b[i] + 256).toString(16).slice(1); }
  return s;
}
self.onmessage = function (e) {
  var c = e.data, enc = new TextEncoder(), started = Date.now(), lastReport = 0;
  if (!self.crypto || !crypto.subtle) { self.postMessage({ error: 'no-webcrypto' }); return; }
  if (c.algorithm !== 'SHA-256') { self.postMessage({ error: 'algorithm' }); return; }
  function batch(from) {
    if (from > c.maxnumber) { self.postMessage({ error: 'unsolved' }); return; }
    var to = Math.min(c.maxnumber, from + BATCH - 1), tries = [];
    for (var n = from; n <= to; n++) { tries.push(crypto.subtle.digest('SHA-256', enc.encode(c.salt + n))); }
    Promise.all(tries).then(function (hashes) {
      for (var i = 0; i < hashes.length; i++) {
        if (hex(hashes[i]) === c.challenge) {
          self.postMessage({ number: from + i, took: Date.now() - started });
          return;
        }
      }
      if (Date.now() - lastReport > 250) {
        lastReport = Date.now();
        self.postMessage({ progress: to / c.maxnumber });
      }
      batch(to + 1);
    }, function () { self.postMessage({ error: 'digest' }); });
  }
  batch(0);
};
