/*
 * The page's start check, loaded before the pane's bundle in every webview Excel may use. It is ES5 (a
 * build test parses it so): Internet Explorer 11 must be able to run it.
 *
 * 1. Trident (Internet Explorer 11: Excel 2019 volume-licensed) and EdgeHTML (Edge Legacy: Office 2016/2019
 *    without WebView2, Microsoft 365 builds 16.0.11629 to 16.0.13530) cannot run the bundle (ES2020,
 *    React 19): say so in Vietnamese and English instead of a blank pane, and load nothing more.
 * 2. Otherwise load the bundle: the files named in data-bundle, in order.
 * 3. With data-start-timeout (the task pane): if the pane has not started after that many milliseconds
 *    (office.js blocked or never ready, the bundle not loaded), say so; the message goes away if it starts
 *    later. The bundle dispatches "tong-hop-bao-cao:started" on document when it has rendered.
 */
(function () {
  "use strict";

  var STARTED_EVENT = "tong-hop-bao-cao:started";
  var script = document.getElementById("start-check");
  var root = document.getElementById("root");
  if (!script || !root) return;

  var LEGACY = {
    vi: [
      "Tổng hợp báo cáo không chạy được trong phiên bản Excel này.",
      "Add-in cần trình duyệt nhúng Microsoft Edge WebView2 (Microsoft 365, Office 2021 trở lên trên Windows), " +
        "Excel cho Mac hoặc Excel trên web. Excel 2019 bản cấp phép số lượng lớn, và Office 2016/2019 chưa có " +
        "WebView2, hiển thị add-in bằng Internet Explorer 11 hoặc Edge cũ nên không chạy được.",
      "Cách làm: mở sổ này bằng Excel trên web (office.com); hoặc cài Microsoft Edge WebView2 Runtime rồi mở " +
        "lại Excel (không áp dụng cho Excel 2019 bản cấp phép số lượng lớn); hoặc dùng Microsoft 365 / Office 2021.",
    ],
    en: [
      "Tổng hợp báo cáo cannot run in this version of Excel.",
      "The add-in needs the Microsoft Edge WebView2 webview (Microsoft 365, Office 2021 or later on Windows), " +
        "Excel for Mac or Excel on the web. Excel 2019 volume-licensed, and Office 2016/2019 without WebView2, " +
        "show add-ins in Internet Explorer 11 or Edge Legacy, which cannot run it.",
      "What to do: open this workbook in Excel on the web (office.com); or install the Microsoft Edge WebView2 " +
        "Runtime and restart Excel (not for Excel 2019 volume-licensed); or use Microsoft 365 / Office 2021.",
    ],
  };

  var NOT_STARTED = {
    vi: [
      "Ngăn tác vụ chưa khởi động được.",
      "Office chưa sẵn sàng sau vài giây. Hãy đóng ngăn này rồi mở lại. Nếu vẫn vậy: kiểm tra máy có truy cập " +
        "được appsforoffice.microsoft.com (nơi tải office.js) không, hoặc mở sổ bằng Excel trên web.",
    ],
    en: [
      "The task pane has not started.",
      "Office was not ready after a few seconds. Close this pane and open it again. If it stays like this, check " +
        "that this computer can reach appsforoffice.microsoft.com (where office.js comes from), or open the " +
        "workbook in Excel on the web.",
    ],
  };

  /** Trident, EdgeHTML, or an engine without the ES2020 built-ins the bundle needs. */
  function isLegacyWebview() {
    var ua = navigator.userAgent || "";
    if (/Trident\/|MSIE |Edge\/\d/.test(ua)) return true;
    return (
      typeof Promise === "undefined" ||
      typeof Promise.allSettled !== "function" ||
      typeof globalThis === "undefined"
    );
  }

  function paragraph(text, lang, strong) {
    var p = document.createElement("p");
    p.setAttribute("lang", lang);
    p.style.margin = "0 0 8px 0";
    if (strong) p.style.fontWeight = "600";
    p.appendChild(document.createTextNode(text));
    return p;
  }

  function message(id, texts) {
    var box = document.createElement("div");
    box.id = id;
    box.setAttribute("role", "alert");
    box.style.padding = "16px";
    box.style.font = "14px/1.4 'Segoe UI', -apple-system, BlinkMacSystemFont, Roboto, Arial, sans-serif";
    box.style.color = "#242424";
    box.style.background = "#ffffff";
    var langs = ["vi", "en"];
    for (var l = 0; l < langs.length; l++) {
      var lines = texts[langs[l]];
      for (var i = 0; i < lines.length; i++) box.appendChild(paragraph(lines[i], langs[l], i === 0));
      if (l === 0) box.appendChild(document.createElement("hr"));
    }
    return box;
  }

  if (isLegacyWebview()) {
    while (root.firstChild) root.removeChild(root.firstChild);
    root.appendChild(message("legacy-webview", LEGACY));
    return;
  }

  var started = false;
  var shown = null;
  function showNotStarted() {
    if (started || shown) return;
    shown = message("start-problem", NOT_STARTED);
    root.parentNode.insertBefore(shown, root);
  }
  document.addEventListener(STARTED_EVENT, function () {
    started = true;
    if (shown && shown.parentNode) shown.parentNode.removeChild(shown);
    shown = null;
  });

  var timeout = Number(script.getAttribute("data-start-timeout"));
  if (timeout > 0) setTimeout(showNotStarted, timeout);

  var files = (script.getAttribute("data-bundle") || "").split(" ");
  for (var f = 0; f < files.length; f++) {
    if (!files[f]) continue;
    var s = document.createElement("script");
    s.src = files[f];
    s.async = false; // run in the listed order, like deferred scripts
    if (timeout > 0) s.onerror = showNotStarted;
    document.body.appendChild(s);
  }
})();
