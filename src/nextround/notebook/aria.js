// What ipywidgets 8 leaves out for screen readers and keyboards, added where our widgets
// ask for it (their `nextround-aria-*` classes; see aria.py), in JupyterLab and Voilà alike:
//
// - `nextround-aria-group`: a row of toggles is a group, named by its own label or by
//   the label of the row it is in (`nextround-row-label`);
// - every toggle button of ours says whether it is pressed (aria-pressed), as it looks;
// - `nextround-aria-slider`: a slider's handle and its typed number are named by its label;
// - `nextround-aria-live`: a status line is a polite live region, there from the start,
//   so "Saved at 10:42" (or why not) is read out when it appears.
//
// Plus one style sheet: a visible focus ring on everything of ours a keyboard reaches,
// and, on a narrow screen (a phone, or 200% zoom), labels above their fields.
// Widgets are drawn and redrawn after this runs, so a MutationObserver applies it all
// again after each change (at most once per frame). Running this twice is harmless.
(function () {
  "use strict";
  if (window.nextroundAria) {
    window.nextroundAria.apply();
    return;
  }
  var STYLE_ID = "nextround-aria-style";
  var STYLE = [
    // The focus ring: 2px, in the palette's blue, outside the element. ipywidgets takes
    // the outline off its text boxes (`.widget-text input[type=text]`, !important): this
    // selector is more specific, so the ring wins there too.
    // A date field's focus is on its day, month or year inside it: the field is only :focus.
    "html body [class*='nextround-'] :focus-visible, html body [class*='nextround-']:focus-visible,",
    "html body [class*='nextround-'] input[type='date']:focus {",
    "  outline: 2px solid #2b6cb0 !important; outline-offset: 1px !important; }",
    // ...and its calendar button, the last stop inside it (a rule of its own: a browser
    // that does not know this selector drops only this rule).
    "html body [class*='nextround-'] input::-webkit-calendar-picker-indicator:focus-visible {",
    "  outline: 2px solid #2b6cb0; }",
    // A label only a screen reader reads (aria.hidden_label): ipywidgets gives it no width,
    // which hides it beside a text box but not beside toggle buttons (an inline label).
    ".nextround-label-hidden > .widget-label {",
    "  position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important;",
    "  padding: 0 !important; overflow: hidden !important; clip-path: inset(50%); white-space: nowrap; }",
    // A label longer than its column (German ones often are) wraps onto a second line
    // rather than being cut off with an ellipsis.
    ".nextround-form .widget-inline-hbox:not(.nextround-label-hidden) > .widget-label {",
    "  white-space: normal; overflow: visible; text-overflow: clip; height: auto; line-height: 1.25;",
    "  align-self: center; }",
    // A narrow screen: labels above their fields, fields as wide as the screen.
    "@media (max-width: 600px) {",
    "  .nextround-form, .nextround-form .widget-box { max-width: 100% !important; }",
    "  .nextround-form .widget-inline-hbox { flex-wrap: wrap; max-width: 100% !important;",
    "    width: auto !important; height: auto !important; box-sizing: border-box; }",
    "  .nextround-form .widget-inline-hbox:not(.nextround-label-hidden) > .widget-label {",
    "    width: 100% !important; max-width: 100% !important; text-align: left; white-space: normal; }",
    "  .nextround-form .widget-inline-hbox > input, .nextround-form .widget-inline-hbox > textarea,",
    "  .nextround-form .widget-inline-hbox > select, .nextround-form .widget-inline-hbox > .slider-container {",
    "    flex: 1 1 12em; min-width: 0; max-width: 100%; min-height: var(--jp-widgets-inline-height); }",
    "  .nextround-row { flex-wrap: wrap !important; }",
    "  .nextround-row-label { width: 100% !important; min-width: 0 !important; }",
    "  .nextround-row-label > .widget-html-content > div { text-align: left !important; }",
    "  .nextround-form .nextround-beside { margin-left: 0 !important; }",
    "  .nextround-form .widget-toggle-buttons { flex-wrap: wrap; max-width: 100%; }",
    "  .nextround-form .widget-toggle-buttons > div { display: flex; flex-wrap: wrap; }",
    "  .nextround-form .widget-toggle-button { flex: 0 1 auto; max-width: 100%; white-space: normal;",
    "    height: auto; min-height: var(--jp-widgets-inline-height); }",
    "  .nextround-rubric { grid-template-columns: minmax(0, 1fr) !important; }",
    "  .nextround-form .jupyter-button { max-width: 100%; white-space: normal; height: auto;",
    "    min-height: var(--jp-widgets-inline-height); }",
    "  .nextround-form .widget-html-content { white-space: normal; overflow-wrap: anywhere; }",
    "}",
  ].join("\n");

  var made = 0;
  function idOf(element) {
    if (!element.id) {
      made += 1;
      element.id = "nextround-aria-" + made;
    }
    return element.id;
  }

  function set(element, name, value) {
    if (element.getAttribute(name) !== value) {
      element.setAttribute(name, value);
    }
  }

  // A widget's own description, if it has one; else the label of the row it is in.
  function labelOf(element) {
    var own = element.querySelector(":scope > .widget-label");
    if (own && own.textContent.trim()) {
      return own;
    }
    var row = element.closest(".nextround-row");
    var label = row && row.querySelector(".nextround-row-label");
    return label && label.textContent.trim() ? label : null;
  }

  function labelBy(element, label) {
    if (label) {
      set(element, "aria-labelledby", idOf(label));
    }
  }

  function apply() {
    var root = document;
    root.querySelectorAll(".nextround-aria-group").forEach(function (group) {
      set(group, "role", "group");
      labelBy(group, labelOf(group));
    });
    root.querySelectorAll(
      "[class*='nextround-'] button.widget-toggle-button, button.widget-toggle-button[class*='nextround-']"
    ).forEach(function (button) {
      set(button, "aria-pressed", button.classList.contains("mod-active") ? "true" : "false");
    });
    root.querySelectorAll(".nextround-aria-slider").forEach(function (slider) {
      var label = labelOf(slider);
      slider.querySelectorAll(".noUi-handle").forEach(function (handle) {
        labelBy(handle, label);
      });
      slider.querySelectorAll(".widget-readout").forEach(function (readout) {
        set(readout, "role", "textbox");
        labelBy(readout, label);
      });
    });
    root.querySelectorAll(".nextround-aria-live > .widget-html-content").forEach(function (line) {
      set(line, "role", "status");
      set(line, "aria-live", "polite");
      set(line, "aria-atomic", "true");
    });
  }

  if (!document.getElementById(STYLE_ID)) {
    var style = document.createElement("style");
    style.id = STYLE_ID;
    style.textContent = STYLE;
    document.head.appendChild(style);
  }

  // Only changes in or to our own widgets call for another pass (JupyterLab changes much else).
  function ours(node) {
    return node && node.nodeType === 1 && (node.closest("[class*='nextround-']") !== null
      || node.querySelector("[class*='nextround-']") !== null);
  }
  function inOurs(node) {
    return node && node.nodeType === 1 && node.closest("[class*='nextround-']") !== null;
  }
  function relevant(mutations) {
    return mutations.some(function (change) {
      return inOurs(change.target)
        || (change.type === "childList" && Array.prototype.some.call(change.addedNodes, ours));
    });
  }

  var pending = false;
  function soon(mutations) {
    if (!pending && relevant(mutations)) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        apply();
      });
    }
  }
  // New widgets (childList) and pressed toggles (their class) both call for another pass.
  new MutationObserver(soon).observe(document.body, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["class"],
  });
  window.nextroundAria = {apply: apply};
  apply();
})();
