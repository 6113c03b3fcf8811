// Step-up replay: the server rendered the stashed form; submit it so the original action applies.
// Without JavaScript the visible Continue button does the same.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('step-up-replay');
  if (form) form.submit();
});
