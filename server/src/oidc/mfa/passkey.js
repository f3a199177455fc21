// Passkey ceremonies of the MFA pages: the one part of the hosted pages that needs
// JavaScript. A form marked data-passkey="create" or "get" carries the server's options in
// data-options; submitting it asks the browser for the credential, puts the answer in the
// form's "credential" field and posts the form as usual.
(function () {
  "use strict";
  function toBuffer(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    b64 += "===".slice((b64.length + 3) % 4);
    var raw = atob(b64);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out.buffer;
  }
  function toText(buffer) {
    var bytes = new Uint8Array(buffer);
    var raw = "";
    for (var i = 0; i < bytes.length; i++) raw += String.fromCharCode(bytes[i]);
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function created(c) {
    var ext = c.getClientExtensionResults ? c.getClientExtensionResults() : {};
    return {
      id: c.id,
      rawId: toText(c.rawId),
      type: c.type,
      response: {
        attestationObject: toText(c.response.attestationObject),
        clientDataJSON: toText(c.response.clientDataJSON),
        transports: c.response.getTransports ? c.response.getTransports() : undefined,
      },
      extensions: ext && ext.credProps ? { credProps: ext.credProps } : {},
    };
  }
  function asserted(a) {
    return {
      id: a.id,
      rawId: toText(a.rawId),
      type: a.type,
      response: {
        authenticatorData: toText(a.response.authenticatorData),
        clientDataJSON: toText(a.response.clientDataJSON),
        signature: toText(a.response.signature),
        userHandle: a.response.userHandle ? toText(a.response.userHandle) : null,
      },
      extensions: {},
    };
  }
  function say(form, text) {
    var box = form.querySelector("[data-passkey-error]");
    if (box) {
      box.textContent = text;
      box.hidden = !text;
    }
  }
  // The page's "needs JavaScript" note is for browsers that never run this.
  function hideNotes() {
    document.querySelectorAll("[data-passkey-noscript]").forEach(function (note) {
      note.hidden = true;
    });
  }
  hideNotes();
  document.addEventListener("DOMContentLoaded", hideNotes);
  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.dataset.passkey) return;
      var field = form.elements.namedItem("credential");
      if (field.value) return;
      event.preventDefault();
      if (!window.PublicKeyCredential) {
        say(form, "This browser does not support passkeys. Choose another method.");
        return;
      }
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      say(form, "");
      var options = JSON.parse(form.dataset.options).publicKey;
      options.challenge = toBuffer(options.challenge);
      var ceremony;
      if (form.dataset.passkey === "create") {
        options.user.id = toBuffer(options.user.id);
        (options.excludeCredentials || []).forEach(function (c) { c.id = toBuffer(c.id); });
        ceremony = navigator.credentials.create({ publicKey: options }).then(created);
      } else {
        (options.allowCredentials || []).forEach(function (c) { c.id = toBuffer(c.id); });
        ceremony = navigator.credentials.get({ publicKey: options }).then(asserted);
      }
      ceremony.then(
        function (answer) {
          field.value = JSON.stringify(answer);
          form.submit();
        },
        function () {
          if (button) button.disabled = false;
          say(form, "The passkey was not used. Try again, or choose another method.");
        }
      );
    },
    true
  );
})();
