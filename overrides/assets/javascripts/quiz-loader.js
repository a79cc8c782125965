/* Self-check quizzes, set up lazily: quiz.js and quiz.css are fetched only when a
 * quiz comes near the viewport or is first used (focus, pointer), so that a reader who never scrolls to the quiz downloads and runs none
 * of it. Until quiz.js has set a quiz up, it reads as without JavaScript (no buttons); when it
 * is ready the quiz has the class kb-quiz--js (the tests wait on that). Served inside site.js
 * with our other scripts (kb.asset_bundle), so it costs no request of its own.
 * The two addresses are the portal's own files, found from this script's own address (site.js
 * or quiz-loader.js, both in assets/javascripts/): never from the page, whose attributes an
 * editor could write. */
(function () {
  "use strict";

  var self = document.currentScript;
  var quizzes = Array.prototype.slice.call(document.querySelectorAll("[data-kb-quiz]"));
  if (!self || !self.src || !quizzes.length) return;
  var scriptUrl = new URL("quiz.js", self.src).href;
  var cssUrl = new URL("../stylesheets/quiz.css", self.src).href;
  var observer = null;
  var requested = false;

  // quiz.css first, then quiz.js: a quiz is never set up without its style sheet (until then it
  // reads as without JavaScript, in the page's own style).
  function load() {
    if (requested) return;
    requested = true;
    if (observer) observer.disconnect();
    var script = document.createElement("script");
    script.src = scriptUrl;
    var sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = cssUrl;
    sheet.onload = sheet.onerror = function () {
      document.head.appendChild(script);
    };
    document.head.appendChild(sheet);
  }

  if ("IntersectionObserver" in window) {
    observer = new IntersectionObserver(
      function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) load();
      },
      { rootMargin: "300px 0px" }
    );
  }
  quizzes.forEach(function (quiz) {
    if (observer) observer.observe(quiz);
    quiz.addEventListener("focusin", load);
    quiz.addEventListener("pointerdown", load);
  });
  if (!observer) load();
})();
