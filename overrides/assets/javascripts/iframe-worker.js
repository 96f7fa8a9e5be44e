/* Local stand-in for the `iframe-worker` shim (no CDN): browsers refuse
   `new Worker(url)` for file:// pages, so when the site is opened from the
   file system the worker script runs inside a hidden same-origin iframe and
   messages are relayed. Over http(s) the native Worker is left untouched. */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  function IframeWorker(url) {
    var self = this;
    this.onmessage = null;
    this.onerror = null;
    this._listeners = { message: [], error: [] };
    this._queue = [];
    this._ready = false;

    var frame = document.createElement("iframe");
    frame.setAttribute("aria-hidden", "true");
    frame.setAttribute("tabindex", "-1");
    frame.style.display = "none";
    document.body ? document.body.appendChild(frame) : document.documentElement.appendChild(frame);
    this._frame = frame;

    var scope = frame.contentWindow;
    scope.postMessage = function (data) { self._emit("message", data); };
    scope.importScripts = function () {
      throw new Error("importScripts is not supported by the offline worker shim");
    };
    var script = scope.document.createElement("script");
    script.src = String(url);
    script.onload = function () {
      self._ready = true;
      self._queue.splice(0).forEach(function (data) { self._deliver(data); });
    };
    script.onerror = function () { self._emit("error", new Error("could not load " + url)); };
    scope.document.head.appendChild(script);
  }

  IframeWorker.prototype._emit = function (type, data) {
    var event = type === "message" ? { type: type, data: data } : { type: type, error: data, message: String(data) };
    var handler = this["on" + type];
    if (typeof handler === "function") handler.call(this, event);
    this._listeners[type].slice().forEach(function (listener) { listener.call(this, event); }, this);
  };

  IframeWorker.prototype._deliver = function (data) {
    var scope = this._frame.contentWindow;
    scope.dispatchEvent(new scope.MessageEvent("message", { data: data }));
  };

  IframeWorker.prototype.postMessage = function (data) {
    if (this._ready) this._deliver(data);
    else this._queue.push(data);
  };

  IframeWorker.prototype.addEventListener = function (type, listener) {
    if (this._listeners[type]) this._listeners[type].push(listener);
  };

  IframeWorker.prototype.removeEventListener = function (type, listener) {
    var list = this._listeners[type] || [];
    var at = list.indexOf(listener);
    if (at >= 0) list.splice(at, 1);
  };

  IframeWorker.prototype.terminate = function () {
    if (this._frame.parentNode) this._frame.parentNode.removeChild(this._frame);
  };

  window.Worker = IframeWorker;
})();
