/* "Exit this page": leave for a neutral site at once, and leave this page out of the history.
 *
 * Without JavaScript the button is an ordinary link. With it, the button, or pressing Shift
 * three times within a second, replaces this page in the history (location.replace), so
 * pressing Back does not bring it back. Any other key in between starts the count again, so
 * typing capital letters never triggers it.
 */
(function () {
  "use strict";

  var PRESSES = 3;
  var WITHIN_MS = 1000;

  var button = document.querySelector("[data-quick-exit]");
  if (!button) {
    return;
  }
  var destination = button.href;

  var hint = document.createElement("span");
  hint.className = "visually-hidden";
  hint.textContent = ", or press Shift three times";
  button.appendChild(hint);

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.classList.add("quick-exit-leaving");
    document.title = "Exiting page";
    window.location.replace(destination);
  }

  button.addEventListener("click", leave);

  var presses = 0;
  var timer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = 0;
      return;
    }
    if (event.repeat) {
      return;
    }
    presses += 1;
    window.clearTimeout(timer);
    if (presses >= PRESSES) {
      presses = 0;
      leave();
      return;
    }
    timer = window.setTimeout(function () {
      presses = 0;
    }, WITHIN_MS);
  });
})();
