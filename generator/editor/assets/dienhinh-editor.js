/* The project's parts of the editor page, around Decap CMS (loaded just before):
 * - every save goes through `dienhinh edit`'s local backend, which checks it as
 *   `dienhinh check` does; its problems (Vietnamese, naming the form field) are shown in a
 *   box that stays until the next save, instead of a toast that fades away;
 * - the preview pane shows the real page from the live preview server (`dienhinh serve`),
 *   drafts marked "Bản nháp";
 * - Decap's Vietnamese phrases completed (its save button says "Lưu", not "Công bố").
 * Every word shown comes from the page's JSON (generator/messages.py). */
(function () {
  "use strict";
  var settings = JSON.parse(document.getElementById("dienhinh-editor").textContent);
  var TEXT = settings.text;
  var SAVES = { persistEntry: true, persistMedia: true, deleteFile: true, deleteFiles: true };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  var box = null;
  function hideProblems() {
    if (box) box.remove();
    box = null;
  }
  function listOf(kind, items) {
    var list = element("ul", "dh-problems__list");
    items.forEach(function (item) {
      var line = element("li", "dh-problem dh-problem--" + (item.severity || kind));
      line.setAttribute("data-field", item.field || "");
      if (item.label) line.appendChild(element("strong", "dh-problem__field", item.label + ": "));
      line.appendChild(element("span", "dh-problem__message", item.message || item));
      list.appendChild(line);
    });
    return list;
  }
  function showProblems(kind, title, items, warnings) {
    hideProblems();
    box = element("section", "dh-problems dh-problems--" + kind);
    box.setAttribute("role", kind === "error" ? "alert" : "status");
    box.setAttribute("aria-live", "assertive");
    var close = element("button", "dh-problems__close", "×");
    close.type = "button";
    close.setAttribute("aria-label", TEXT.close);
    close.addEventListener("click", hideProblems);
    box.appendChild(close);
    box.appendChild(element("h2", "dh-problems__title", title));
    box.appendChild(listOf(kind, items));
    if (warnings && warnings.length) {
      box.appendChild(element("h3", "dh-problems__subtitle", TEXT.warnings_title));
      box.appendChild(listOf("warning", warnings));
    }
    document.body.appendChild(box);
  }

  function report(ok, body) {
    var warnings = (body && body.warnings) || [];
    if (!ok) {
      var problems = (body && body.problems) || [];
      if (!problems.length && body && body.error) problems = [{ message: body.error, severity: "error" }];
      showProblems("error", TEXT.refused, problems, warnings);
    } else if (warnings.length) {
      showProblems("warning", TEXT.saved_with_warnings, warnings);
    } else {
      hideProblems();
    }
  }

  var originalFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var action = null;
    if (init && typeof init.body === "string" && init.body.indexOf('"action"') !== -1) {
      try {
        action = JSON.parse(init.body).action;
      } catch (error) {
        action = null;
      }
    }
    var sent = originalFetch(input, init);
    if (!SAVES[action]) return sent;
    return sent.then(
      function (response) {
        response.clone().json().then(function (body) { report(response.ok, body); }, function () {});
        return response;
      },
      function (error) {
        showProblems("error", TEXT.refused, [{ message: TEXT.offline, severity: "error" }]);
        throw error;
      }
    );
  };

  // iPhone photos (HEIC/HEIF) are turned into JPEG by the local server as soon as they are
  // chosen, before Decap sees them: its photo list, thumbnails and preview then work as for
  // any photo. A file that cannot be used is not passed on; the box says what to do.
  function isHeif(file) {
    return /\.(heic|heif)$/i.test(file.name) || /^image\/hei[cf]/i.test(file.type || "");
  }
  function toJpeg(file) {
    return originalFetch("api/photo?name=" + encodeURIComponent(file.name), { method: "POST", body: file })
      .then(function (response) {
        if (!response.ok) {
          return response.json().then(function (body) { throw body.error; });
        }
        var name = decodeURIComponent(response.headers.get("X-File-Name") || "anh.jpg");
        return response.blob().then(function (blob) { return new File([blob], name, { type: "image/jpeg" }); });
      });
  }
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input || input.type !== "file" || !input.files || event.dienhinhConverted) return;
    var files = Array.prototype.slice.call(input.files);
    if (!files.some(isHeif)) return;
    event.stopImmediatePropagation();
    Promise.all(files.map(function (file) { return isHeif(file) ? toJpeg(file) : file; })).then(
      function (converted) {
        var transfer = new DataTransfer();
        converted.forEach(function (file) { transfer.items.add(file); });
        input.files = transfer.files;
        var again = new Event("change", { bubbles: true });
        again.dienhinhConverted = true;
        input.dispatchEvent(again);
      },
      function (message) {
        input.value = "";
        showProblems("error", TEXT.photo_refused, [{ message: String(message || TEXT.offline) }]);
      }
    );
  }, true);

  function merged(base, fixes) {
    var out = {};
    Object.keys(base || {}).forEach(function (key) { out[key] = base[key]; });
    Object.keys(fixes).forEach(function (key) {
      var fix = fixes[key];
      out[key] = fix && typeof fix === "object" ? merged(out[key], fix) : fix;
    });
    return out;
  }

  var CMS = window.CMS;
  var h = window.h;
  CMS.registerLocale("vi", merged(CMS.getLocale("vi"), settings.decap));

  function previewOf(section) {
    return window.createClass({
      render: function () {
        var entry = this.props.entry;
        // A profile's entry is "<slug>/index" (its folder's index.md): the page is /<slug>/.
        var slug = (entry.get("slug") || "").replace(/\/index$/, "");
        var parts = [];
        if (section === "dien-hinh" && entry.getIn(["data", "status"]) !== "published") {
          parts.push(h("p", { className: "dh-draft", key: "draft" },
            h("strong", {}, TEXT.draft), " — " + TEXT.draft_note));
        }
        if (!settings.preview) {
          parts.push(h("p", { key: "off" }, TEXT.preview_off));
        } else if (entry.get("newRecord") || !slug) {
          parts.push(h("p", { key: "save" }, TEXT.save_to_preview));
        } else {
          var url = settings.preview + section + "/" + slug + "/";
          parts.push(h("p", { key: "link" }, h("a", { href: url, target: "_blank", rel: "noopener" }, TEXT.open_preview)));
          parts.push(h("iframe", { key: "page", src: url, title: TEXT.preview_title, className: "dh-preview-frame" }));
        }
        return h("div", { className: "dh-preview" }, parts);
      }
    });
  }
  CMS.registerPreviewTemplate("exemplars", previewOf("dien-hinh"));
  CMS.registerPreviewTemplate("visits", previewOf("tham-quan"));
  CMS.registerPreviewStyle("assets/dienhinh-preview.css");
  CMS.init();
})();
