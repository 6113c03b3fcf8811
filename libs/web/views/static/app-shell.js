// The cockpit's fixed app shell: size the page to the VISUAL viewport, so with an on-screen
// keyboard open (iPad) the compose box stays on screen instead of sliding under the keyboard.
// rAF-coalesced; changes of 1 px or less and scroll events are ignored (iOS fires them while typing).
(function () {
  var vv = window.visualViewport;
  var root = document.documentElement;
  var last = 0;
  var pending = false;
  function apply() {
    pending = false;
    var height = Math.round(vv ? vv.height : window.innerHeight);
    if (Math.abs(height - last) <= 1) return;
    last = height;
    root.style.setProperty('--app-height', height + 'px');
    window.scrollTo(0, 0);
  }
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(apply);
  }
  if (vv) vv.addEventListener('resize', schedule);
  window.addEventListener('orientationchange', schedule);
  window.addEventListener('load', schedule);
  apply();
})();
