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
        response.clone().json().then(function (body) {
          report(response.ok, body);
          if (response.ok && action === "persistEntry") window.dispatchEvent(new Event("dienhinh-saved"));
        }, function () {});
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
  // "Đưa lên mạng": the project's configured `dienhinh publish` (or its --rollback), run by
  // `dienhinh edit`; its lines are shown as they come, then the result.
  function api(action, params) {
    var body = JSON.stringify({ action: action, params: params || {} });
    return originalFetch("api/v1", { method: "POST", headers: { "Content-Type": "application/json" }, body: body })
      .then(function (response) { return response.json().then(function (answer) { return [response.ok, answer]; }); });
  }
  function publishForm() {
    var dialog = element("dialog", "dh-publish");
    dialog.appendChild(element("h2", "", TEXT.publish_title));
    dialog.appendChild(element("p", "dh-publish__hint", TEXT.publish_hint));
    var state = element("p", "dh-publish__state");
    state.setAttribute("role", "status");
    var log = element("ol", "dh-publish__log");
    log.setAttribute("aria-live", "polite");
    var buttons = element("p", "dh-word__buttons");
    var send = element("button", "dh-word__send dh-publish__send", TEXT.publish_send);
    var back = element("button", "dh-publish__rollback", TEXT.publish_rollback);
    var close = element("button", "", TEXT.close);
    [send, back, close].forEach(function (button) { button.type = "button"; buttons.appendChild(button); });
    [state, log, buttons].forEach(function (part) { dialog.appendChild(part); });
    function show(status) {
      log.textContent = "";
      (status.lines || []).forEach(function (line) { log.appendChild(element("li", "", line)); });
      send.disabled = back.disabled = !!status.running;
      back.hidden = !status.can_roll_back;
      if (status.running) {
        state.className = "dh-publish__state";
        state.textContent = status.rollback ? TEXT.publish_rolling_back : TEXT.publish_running;
      } else if (status.code === 0) {
        state.className = "dh-publish__state dh-publish__state--done";
        state.textContent = status.rollback ? TEXT.publish_rolled_back : TEXT.publish_done;
      } else if (status.code !== null && status.code !== undefined) {
        state.className = "dh-publish__state dh-publish__state--error";
        state.textContent = TEXT.publish_failed;
      } else {
        state.textContent = "";
      }
    }
    // A status asked for before the officer started a run answers for the run before: each
    // start begins a new turn, and answers of an earlier turn are not shown.
    var turn = 0;
    function poll() {
      var mine = turn;
      api("dienhinhPublishStatus").then(function (answer) {
        if (mine !== turn) return;
        show(answer[1]);
        if (answer[1].running) setTimeout(poll, 700);
      }, function () { state.textContent = TEXT.offline; });
    }
    function start(rollback) {
      if (rollback && !window.confirm(TEXT.publish_rollback_confirm)) return;
      // Said at once: the last run's result must not read as this one's.
      turn += 1;
      show({ running: true, rollback: rollback, lines: [], can_roll_back: !back.hidden });
      api("dienhinhPublish", { rollback: rollback }).then(function (answer) {
        if (!answer[0]) {
          show({ running: false, lines: [], can_roll_back: !back.hidden });
          state.className = "dh-publish__state dh-publish__state--error";
          state.textContent = answer[1].error;
          return;
        }
        show(answer[1]);
        poll();
      }, function () { state.textContent = TEXT.offline; });
    }
    send.addEventListener("click", function () { start(false); });
    back.addEventListener("click", function () { start(true); });
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("dienhinh-open", poll);
    document.body.appendChild(dialog);
    return dialog;
  }
  if (settings.local) {
    var actions = element("div", "dh-actions");
    var opener = element("button", "dh-word-open", TEXT.word_open);
    opener.type = "button";
    opener.addEventListener("click", function () {
      var dialog = document.querySelector("dialog.dh-word") || wordForm();
      dialog.showModal();
    });
    var publisher = element("button", "dh-publish-open", TEXT.publish_open);
    publisher.type = "button";
    publisher.addEventListener("click", function () {
      var dialog = document.querySelector("dialog.dh-publish") || publishForm();
      dialog.showModal();
      dialog.dispatchEvent(new Event("dienhinh-open"));
    });
    actions.appendChild(opener);
    actions.appendChild(publisher);
    document.body.appendChild(actions);
    // Only over the lists of profiles: in a form they would cover the fields' hints.
    var placeOpener = function () {
      actions.hidden = /\/(entries|new)\b/.test(window.location.hash);
    };
    window.addEventListener("hashchange", placeOpener);
    placeOpener();
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

  // Dates: typed and shown day first (15/06/2022) whatever the browser's language, stored
  // ISO (2022-06-15) as every file of the project writes them.
  function pad(number) { return (number < 10 ? "0" : "") + number; }
  function realDate(year, month, day) {
    var date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }
  function isoOf(text) {
    var found = /^\s*(\d{1,2})\s*[\/.\-]\s*(\d{1,2})\s*[\/.\-]\s*(\d{4})\s*$/.exec(text || "");
    var day, month, year;
    if (found) {
      day = +found[1]; month = +found[2]; year = +found[3];
    } else {
      found = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text || "");
      if (!found) return null;
      year = +found[1]; month = +found[2]; day = +found[3];
    }
    return realDate(year, month, day) ? year + "-" + pad(month) + "-" + pad(day) : null;
  }
  function shownOf(value) {
    if (value && typeof value.toISOString === "function") value = value.toISOString().slice(0, 10);
    var found = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value || ""));
    return found ? found[3] + "/" + found[2] + "/" + found[1] : String(value || "");
  }
  var DateControl = window.createClass({
    getInitialState: function () { return { text: shownOf(this.props.value) }; },
    componentDidUpdate: function (previous) {
      var value = this.props.value;
      if (value !== previous.value && isoOf(this.state.text) !== shownOf(value) && value !== this.state.text) {
        var shown = shownOf(value);
        if (isoOf(shown) !== isoOf(this.state.text)) this.setState({ text: shown });
      }
    },
    isValid: function () {
      var text = (this.state.text || "").trim();
      return !text || isoOf(text) ? true : { error: { message: TEXT.date_invalid } };
    },
    changed: function (text) {
      this.setState({ text: text });
      this.props.onChange(isoOf(text) || text);
    },
    render: function () {
      var self = this;
      var today = new Date();
      return h("div", { className: "dh-date" },
        h("input", {
          type: "text", id: this.props.forID, className: this.props.classNameWrapper + " dh-date__input",
          value: this.state.text, placeholder: TEXT.date_placeholder, inputMode: "numeric",
          autoComplete: "off", onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle,
          onChange: function (event) { self.changed(event.target.value); }
        }),
        h("button", {
          type: "button", className: "dh-date__today",
          onClick: function () {
            self.changed(pad(today.getDate()) + "/" + pad(today.getMonth() + 1) + "/" + today.getFullYear());
          }
        }, TEXT.date_today));
    }
  });
  var DatePreview = window.createClass({
    render: function () { return h("span", {}, shownOf(this.props.value)); }
  });
  CMS.registerWidget("dh-date", DateControl, DatePreview);

  // Asks `dienhinh edit` whether the preview server has the page yet (another address: this
  // page cannot read its answers itself). A new profile's page appears only once rebuilt.
  function previewStatus(section, slug) {
    var body = JSON.stringify({ action: "dienhinhPreviewStatus", params: { section: section, slug: slug } });
    return originalFetch("api/v1", { method: "POST", headers: { "Content-Type": "application/json" }, body: body })
      .then(function (response) { return response.json(); })
      .then(function (answer) { return answer.status; });
  }
  var PreviewFrame = window.createClass({
    getInitialState: function () { return { ready: false, version: 0 }; },
    componentDidMount: function () {
      this.saved = this.saved.bind(this);
      window.addEventListener("dienhinh-saved", this.saved);
      this.check();
    },
    componentWillUnmount: function () {
      this.gone = true;
      clearTimeout(this.timer);
      window.removeEventListener("dienhinh-saved", this.saved);
    },
    componentDidUpdate: function (previous) {
      if (previous.url !== this.props.url) this.saved();
    },
    saved: function () {
      this.setState({ ready: false });
      this.check();
    },
    check: function () {
      var self = this;
      clearTimeout(this.timer);
      previewStatus(this.props.section, this.props.slug).then(function (status) {
        if (self.gone) return;
        if (status === 200) self.setState({ ready: true, version: self.state.version + 1 });
        else self.timer = setTimeout(function () { self.check(); }, 500);
      }, function () {
        if (!self.gone) self.timer = setTimeout(function () { self.check(); }, 1500);
      });
    },
    render: function () {
      var url = this.props.url;
      if (!this.state.ready) return h("p", { className: "dh-preview-wait", role: "status" }, TEXT.preview_building);
      return h("div", {},
        h("p", {}, h("a", { href: url, target: "_blank", rel: "noopener" }, TEXT.open_preview)),
        h("iframe", { key: "v" + this.state.version, src: url, title: TEXT.preview_title, className: "dh-preview-frame" }));
    }
  });

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
          parts.push(h(PreviewFrame, { key: "page", url: url, section: section, slug: slug }));
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
