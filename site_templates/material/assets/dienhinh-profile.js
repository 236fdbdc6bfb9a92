// A profile page's buttons. "Nghe" reads the page's text for the ear (the bulletin's spoken
// form, in <template class="dh-spoken">) with the phone's own speech engine (Web Speech API)
// in a Vietnamese voice; hidden when the phone has none, since another language's voice
// mangles Vietnamese. "Chia sẻ" opens the phone's share sheet (Web Share API: Zalo,
// Facebook, messages), else copies the page's address. No third-party code, nothing inline
// (the Content-Security-Policy allows scripts from the site only); the words the buttons
// show come from the page's data attributes, so the theme's templates hold all site text.
(() => {
  const VIETNAMESE = /^vi([-_]|$)/i;
  // Some engines stop a long utterance after about fifteen seconds: the text is spoken in
  // pieces of a sentence or so, queued one after another.
  const PIECE = 220;

  const vietnameseVoice = () => {
    const synth = window.speechSynthesis;
    const voices = synth && typeof synth.getVoices === "function" ? synth.getVoices() : [];
    const found = voices.filter((voice) => VIETNAMESE.test(voice.lang || ""));
    return found.find((voice) => voice.localService) || found[0] || null;
  };

  const pieces = (text) => {
    const out = [];
    let current = "";
    for (const sentence of text.split(/(?<=[.!?;:])\s+/)) {
      if (current && (current + " " + sentence).length > PIECE) {
        out.push(current);
        current = sentence;
      } else {
        current = current ? current + " " + sentence : sentence;
      }
      while (current.length > PIECE) {
        const cut = current.lastIndexOf(" ", PIECE) > 0 ? current.lastIndexOf(" ", PIECE) : PIECE;
        out.push(current.slice(0, cut));
        current = current.slice(cut).trim();
      }
    }
    if (current) out.push(current);
    return out;
  };

  const setUpListen = (button) => {
    const source = document.querySelector("template.dh-spoken");
    const text = source ? source.content.textContent.trim() : "";
    const synth = window.speechSynthesis;
    if (!text || !synth || typeof window.SpeechSynthesisUtterance !== "function") return;
    const label = button.textContent;
    const idle = () => {
      button.textContent = label;
      button.setAttribute("aria-pressed", "false");
    };
    const show = () => {
      button.hidden = vietnameseVoice() === null;
    };
    show();
    // Voices often arrive after the page has loaded.
    if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", show);
    button.addEventListener("click", () => {
      if (button.getAttribute("aria-pressed") === "true") {
        synth.cancel();
        idle();
        return;
      }
      const voice = vietnameseVoice();
      if (voice === null) return;
      synth.cancel();
      const all = pieces(text);
      all.forEach((piece, index) => {
        const utterance = new SpeechSynthesisUtterance(piece);
        utterance.lang = "vi-VN";
        utterance.voice = voice;
        if (index === all.length - 1) utterance.addEventListener("end", idle);
        utterance.addEventListener("error", idle);
        synth.speak(utterance);
      });
      button.textContent = button.dataset.stop || label;
      button.setAttribute("aria-pressed", "true");
    });
    // Leaving the page stops the reading (the engine would otherwise go on).
    window.addEventListener("pagehide", () => synth.cancel());
  };

  const meta = (selector, attribute) => {
    const element = document.querySelector(selector);
    return element ? element.getAttribute(attribute) : null;
  };

  const setUpShare = (button) => {
    const status = document.querySelector(".dh-share-status");
    const canCopy = navigator.clipboard && typeof navigator.clipboard.writeText === "function";
    if (typeof navigator.share !== "function" && !canCopy) return;
    button.hidden = false;
    const say = (message) => {
      if (!status) return;
      status.textContent = message;
      status.hidden = false;
    };
    // The share card the build made (Open Graph), else what the page itself says.
    const shared = () => ({
      title: meta('meta[property="og:title"]', "content") || document.title,
      text: meta('meta[property="og:description"]', "content") || meta('meta[name="description"]', "content") || "",
      url: meta('meta[property="og:url"]', "content") || meta('link[rel="canonical"]', "href") || location.href,
    });
    const copy = (url) => {
      if (!canCopy) {
        say((button.dataset.failed || "") + " " + url);
        return;
      }
      navigator.clipboard.writeText(url).then(
        () => say(button.dataset.copied || ""),
        () => say((button.dataset.failed || "") + " " + url),
      );
    };
    button.addEventListener("click", () => {
      const data = shared();
      if (typeof navigator.share !== "function") {
        copy(data.url);
        return;
      }
      navigator.share(data).catch((error) => {
        // The visitor closed the share sheet: nothing to do. Anything else: copy instead.
        if (!error || error.name !== "AbortError") copy(data.url);
      });
    });
  };

  const setUp = () => {
    const listen = document.querySelector("button.dh-listen");
    const share = document.querySelector("button.dh-share");
    if (listen && !listen.dataset.ready) {
      listen.dataset.ready = "1";
      setUpListen(listen);
    }
    if (share && !share.dataset.ready) {
      share.dataset.ready = "1";
      setUpShare(share);
    }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
  // mkdocs-material's instant navigation (if a commune turns it on) swaps pages without a load.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setUp);
})();
