// The cockpit conversation page: Enter sends (Shift+Enter = new line); when the page was opened
// with ?turn=1 it attaches to the running turn over SSE and appends each frame; the reload marker
// (turn finished, or nothing running) reloads the thread from the store without ?turn. A watchdog
// re-attaches when no frame (heartbeats included) arrived for 45 s: the turn kept running
// server-side, so nothing is lost and the model is never asked twice.
(function () {
  var root = document.getElementById('conversation');
  if (!root) return;
  var thread = document.getElementById('thread');
  var live = document.getElementById('live');
  var input = document.getElementById('compose-input');
  var form = document.getElementById('compose');
  var status = document.getElementById('turn-status');
  var path = root.getAttribute('data-path');
  function toBottom() { if (thread) thread.scrollTop = thread.scrollHeight; }
  toBottom();
  if (input && form) {
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        if (input.value.trim()) form.requestSubmit();
      }
    });
    // A fine pointer gets the focus; on a touch device the keyboard opens only when asked for.
    if (window.matchMedia('(hover: hover) and (pointer: fine)').matches) input.focus();
    input.addEventListener('focus', function () { document.body.classList.add('kb-open'); });
    input.addEventListener('blur', function () { document.body.classList.remove('kb-open'); });
  }
  var url = root.getAttribute('data-events');
  if (!url || !window.EventSource) return;
  var lastFrame = Date.now();
  var source = new EventSource(url);
  function done() {
    source.close();
    window.location.replace(path);
  }
  source.addEventListener('status', function (e) {
    lastFrame = Date.now();
    if (status) status.innerHTML = e.data;
  });
  source.addEventListener('frame', function (e) {
    lastFrame = Date.now();
    if (live) live.insertAdjacentHTML('beforeend', e.data);
    toBottom();
  });
  source.addEventListener('done', done);
  setInterval(function () {
    if (Date.now() - lastFrame > 45000) window.location.replace(path + '?turn=1');
  }, 5000);
})();
