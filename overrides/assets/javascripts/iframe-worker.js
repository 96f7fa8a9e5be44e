/* Local stand-in for the `iframe-worker` shim (no CDN): browsers refuse
   `new Worker(url)` for file:// pages. When the site is opened from the file
   system, the worker runs from a blob: URL made of its code, which the build
   ships as `<worker>.source.js` (generator/site/worker.py), so search indexes
   off the page's thread. Without that file, or where the browser refuses blob
   workers, the worker script runs inside a hidden same-origin iframe and
   messages are relayed. Over http(s) the native Worker is left untouched.

   Search in a blob: worker starts as it does over http: Material sends its
   index to the worker only once search is opened on a file:// page (so its
   own iframe shim does not freeze the page as it loads), but a blob: worker
   builds the index off the page's thread. So the shim loads the index script
   and sends Material's set-up message itself as the page loads, and drops
   Material's copy when it comes. */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  var NativeWorker = window.Worker;
  var SOURCE_SUFFIX = ".source.js";
  var SETUP = 0;  /* Material's SearchMessageType.SETUP */

  function FileWorker(url) {
    var self = this;
    this.onmessage = null;
    this.onerror = null;
    this._listeners = { message: [], error: [] };
    this._queue = [];
    this._send = null;   /* set once a worker (blob or iframe) is ready for messages */
    this._stop = function () {};
    this._url = String(url);
    this._setupSent = false;  /* a search set-up message went to the worker */

    var script = document.createElement("script");
    script.src = this._url + SOURCE_SUFFIX;
    script.onload = function () { self._startBlob() || self._startFrame(); };
    script.onerror = function () { self._startFrame(); };
    (document.head || document.documentElement).appendChild(script);
  }

  FileWorker.prototype._startBlob = function () {
    var name = this._url.split("/").pop();
    var code = (window.__workerSources || {})[name];
    if (typeof code !== "string" || typeof NativeWorker !== "function") return false;
    var self = this, address, worker;
    try {
      address = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
      worker = new NativeWorker(address);
    } catch (error) {
      return false;
    }
    worker.onmessage = function (event) { self._emit("message", event.data); };
    worker.onerror = function (event) { self._emit("error", event.error || new Error(event.message)); };
    this._stop = function () { worker.terminate(); URL.revokeObjectURL(address); };
    this._ready(function (data) { worker.postMessage(data); });
    this._setUpSearchEarly();
    return true;
  };

  function siteConfig() {
    var node = document.getElementById("__config");
    try { return node ? JSON.parse(node.textContent) : null; } catch (error) { return null; }
  }

  /* Load the search index and send Material's set-up message, if this is its search worker. */
  FileWorker.prototype._setUpSearchEarly = function () {
    var config = siteConfig(), self = this;
    if (!config || typeof config.search !== "string" || typeof config.base !== "string") return;
    if (config.search.split("/").pop() !== this._url.split("/").pop()) return;
    var script = document.createElement("script");
    script.src = new URL("search/search_index.js", new URL(config.base, location.href)).href;
    script.onload = function () {
      script.remove();
      var index = window.__index;
      if (self._setupSent || !index || !index.docs) return;
      var features = config.features || [];
      self._setupSent = true;
      self._send({ type: SETUP, data: {
        config: index.config, docs: index.docs,
        options: { suggest: features.indexOf("search.suggest") >= 0 }
      } });
    };
    script.onerror = function () { script.remove(); };
    (document.head || document.documentElement).appendChild(script);
  };

  FileWorker.prototype._startFrame = function () {
    var self = this;
    var frame = document.createElement("iframe");
    frame.setAttribute("aria-hidden", "true");
    frame.setAttribute("tabindex", "-1");
    frame.style.display = "none";
    document.body ? document.body.appendChild(frame) : document.documentElement.appendChild(frame);
    this._stop = function () { if (frame.parentNode) frame.parentNode.removeChild(frame); };

    var scope = frame.contentWindow;
    scope.postMessage = function (data) { self._emit("message", data); };
    scope.importScripts = function () {
      throw new Error("importScripts is not supported by the offline worker shim");
    };
    var script = scope.document.createElement("script");
    script.src = this._url;
    script.onload = function () {
      self._ready(function (data) { scope.dispatchEvent(new scope.MessageEvent("message", { data: data })); });
    };
    script.onerror = function () { self._emit("error", new Error("could not load " + self._url)); };
    scope.document.head.appendChild(script);
  };

  FileWorker.prototype._ready = function (send) {
    this._send = send;
    this._queue.splice(0).forEach(send);
  };

  FileWorker.prototype._emit = function (type, data) {
    var event = type === "message" ? { type: type, data: data } : { type: type, error: data, message: String(data) };
    var handler = this["on" + type];
    if (typeof handler === "function") handler.call(this, event);
    this._listeners[type].slice().forEach(function (listener) { listener.call(this, event); }, this);
  };

  FileWorker.prototype.postMessage = function (data) {
    if (data && data.type === SETUP) {
      if (this._setupSent) return;  /* the worker has this index already */
      this._setupSent = true;
    }
    if (this._send) this._send(data);
    else this._queue.push(data);
  };

  FileWorker.prototype.addEventListener = function (type, listener) {
    if (this._listeners[type]) this._listeners[type].push(listener);
  };

  FileWorker.prototype.removeEventListener = function (type, listener) {
    var list = this._listeners[type] || [];
    var at = list.indexOf(listener);
    if (at >= 0) list.splice(at, 1);
  };

  FileWorker.prototype.terminate = function () {
    this._stop();
  };

  window.Worker = FileWorker;
})();
