/* global window, document */
/*
 * codeblanks iframe resizer: sizes every codeblanks iframe on this page to fit its exercise, so the
 * frame never shows a scrollbar of its own. Load it once on the host page:
 *
 *   <iframe src="https://your-codeblanks-site/embed.html?set=oauth2-client-credentials&task=1"
 *           title="Exercise: client credentials" width="100%" height="600"></iframe>
 *   <script src="https://your-codeblanks-site/codeblanks-resizer.js" async></script>
 *
 * The frame posts { type: 'codeblanks:resize', height, id } to its parent whenever its height changes;
 * this script finds the iframe whose window sent it and sets its height. The frame also posts each of its
 * events, { type: 'codeblanks:event', event, detail, id }: this script dispatches it on that iframe as a
 * bubbling `codeblanks:<event>` CustomEvent, the same event a <code-blanks> element dispatches, so
 *
 *   document.addEventListener('codeblanks:checked', function (e) { console.log(e.target.id, e.detail); });
 *
 * hears iframes and elements alike. Only a frame's own page is heard: the message must come from the
 * window of an iframe on this page, and from the origin of that iframe's src.
 * Plain ES5, no inline code: it runs under a strict Content Security Policy (allow its origin in
 * script-src).
 */
(function () {
  'use strict';
  if (window.codeblanksResizer) return;
  window.codeblanksResizer = true;

  function frameOf(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) return frames[i];
    return null;
  }

  function fromFrame(event) {
    var frame = frameOf(event.source);
    if (!frame) return null;
    try {
      return new URL(frame.src, document.baseURI).origin === event.origin ? frame : null;
    } catch (error) {
      void error; // an iframe without a usable src
      return null;
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data.type !== 'string') return;
    if (data.type === 'codeblanks:event') {
      if (typeof data.event !== 'string' || !/^[a-z-]+$/.test(data.event)) return;
      var source = fromFrame(event);
      if (source) source.dispatchEvent(new CustomEvent('codeblanks:' + data.event, { detail: data.detail, bubbles: true }));
      return;
    }
    if (data.type !== 'codeblanks:resize' || typeof data.height !== 'number' || !(data.height >= 0)) return;
    var frame = fromFrame(event);
    if (!frame) return;
    // With box-sizing: border-box (common in page CSS) the height includes the frame's border and padding.
    var style = window.getComputedStyle(frame);
    var extra = 0;
    if (style.boxSizing === 'border-box') {
      extra = ['borderTopWidth', 'borderBottomWidth', 'paddingTop', 'paddingBottom'].reduce(function (sum, name) {
        return sum + (parseFloat(style[name]) || 0);
      }, 0);
    }
    frame.style.height = Math.ceil(data.height + extra) + 'px';
  });

  // Frames that posted their height before this script arrived: ask them again.
  function ask() {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      try {
        frames[i].contentWindow.postMessage({ type: 'codeblanks:measure' }, '*');
      } catch (error) {
        void error; // a frame without a window yet: it will post when it loads
      }
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ask);
  else ask();
})();
