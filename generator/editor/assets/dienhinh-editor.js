/* The project's parts of the editor page, around Decap CMS (loaded just before):
 * - every save goes through `dienhinh edit`'s local backend, which checks it as
 *   `dienhinh check` does; its problems (Vietnamese, naming the form field) are shown in a
 *   box that stays until the next save, instead of a toast that fades away;
 * - the preview pane shows the real page from the live preview server (`dienhinh serve`),
 *   drafts marked "Bản nháp";
 * - Decap's Vietnamese phrases completed (its save button says "Lưu", not "Công bố").
 * Every word shown comes from the page's JSON (generator/messages/editor.py). */
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
    if (!settings.local) return;  // on a web server: no local converter (check names HEIC files)
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

  // A Word report → a draft profile, as `dienhinh import FILE.docx` does: a small form for
  // what the report does not say (kind, field, hamlet or organization), then the new
  // profile opens in the editor and the box lists what to look at.
  function wordForm() {
    var dialog = element("dialog", "dh-word");
    var form = element("form", "dh-word__form");
    form.method = "dialog";
    form.appendChild(element("h2", "", TEXT.word_title));
    form.appendChild(element("p", "dh-word__hint", TEXT.word_hint));
    function labelled(text, control) {
      var label = element("label", "dh-word__field", text);
      label.appendChild(control);
      form.appendChild(label);
      return control;
    }
    var file = labelled(TEXT.word_file, element("input"));
    file.type = "file";
    file.name = "file";
    file.accept = ".docx,.doc";
    file.required = true;
    ["kind", "field", "hamlet", "organization"].forEach(function (key) {
      var select = element("select");
      select.name = key;
      select.appendChild(element("option", "", "—"));
      select.options[0].value = "";
      (settings.choices[key] || []).forEach(function (choice) {
        var option = element("option", "", choice[1]);
        option.value = choice[0];
        select.appendChild(option);
      });
      labelled(TEXT["word_" + key], select);
    });
    var buttons = element("p", "dh-word__buttons");
    var send = element("button", "dh-word__send", TEXT.word_send);
    send.type = "submit";
    var cancel = element("button", "", TEXT.close);
    cancel.type = "button";
    cancel.addEventListener("click", function () { dialog.close(); });
    buttons.appendChild(send);
    buttons.appendChild(cancel);
    form.appendChild(buttons);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = file.files[0];
      if (!chosen) return;
      var query = ["file=" + encodeURIComponent(chosen.name)];
      ["kind", "field", "hamlet", "organization"].forEach(function (key) {
        if (form.elements[key].value) query.push(key + "=" + encodeURIComponent(form.elements[key].value));
      });
      send.disabled = true;
      originalFetch("api/word?" + query.join("&"), { method: "POST", body: chosen })
        .then(function (response) { return response.json().then(function (body) { return [response.ok, body]; }); })
        .then(function (answer) {
          send.disabled = false;
          var body = answer[1];
          if (!answer[0]) {
            showProblems("error", TEXT.word_refused, body.problems || [], body.warnings);
            return;
          }
          dialog.close();
          sessionStorage.setItem("dienhinh-word-notes", JSON.stringify(body.warnings || []));
          window.location.hash = "#/collections/exemplars/entries/" + body.slug + "/index";
          window.location.reload();
        }, function () {
          send.disabled = false;
          showProblems("error", TEXT.word_refused, [{ message: TEXT.offline, severity: "error" }]);
        });
    });
    dialog.appendChild(form);
    document.body.appendChild(dialog);
    return dialog;
  }
  if (settings.local) {
    var opener = element("button", "dh-word-open", TEXT.word_open);
    opener.type = "button";
    opener.addEventListener("click", function () {
      var dialog = document.querySelector("dialog.dh-word") || wordForm();
      dialog.showModal();
    });
    document.body.appendChild(opener);
  }
  var notes = sessionStorage.getItem("dienhinh-word-notes");
  if (notes) {
    sessionStorage.removeItem("dienhinh-word-notes");
    var list = JSON.parse(notes);
    if (list.length) showProblems("warning", TEXT.word_done, list);
  }

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
          parts.push(h("p", { key: "off" }, settings.local ? TEXT.preview_off : TEXT.preview_git));
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
