// The chat widget (issue #13): keep the newest message in view as SSE frames and swaps arrive,
// and put the cursor back in the message box. A file, not inline script (CSP script-src 'self').
(function () {
  function scrollChat() {
    var widget = document.getElementById('chat-widget');
    if (widget) widget.scrollTop = widget.scrollHeight;
  }
  document.addEventListener('htmx:sseMessage', scrollChat);
  document.addEventListener('htmx:afterSwap', function (event) {
    if (!event.target || !event.target.closest || !event.target.closest('#chat-widget-host, #chat-widget, .chat-live')) return;
    scrollChat();
    var input = document.getElementById('chat-input');
    if (input && window.matchMedia('(hover: hover) and (pointer: fine)').matches) input.focus();
  });
})();
