/**
 * Shows the service's self-contained HTML report in a sandboxed `<iframe srcdoc>`: no `allow-scripts`, so nothing
 * in it runs. A srcdoc document inherits this page's Content-Security-Policy (`style-src 'self'`), which blocks the
 * report's inline `<style>` and `style=""`; the sandbox keeps `allow-same-origin` so that this page can hand the
 * report its own styles through the CSSOM (constructed style sheets), which the policy does not govern.
 */
export function showReport(iframe, html) {
  return new Promise((resolve) => {
    iframe.addEventListener(
      "load",
      () => {
        restyle(iframe);
        resolve();
      },
      { once: true },
    );
    iframe.srcdoc = html;
  });
}

function restyle(iframe) {
  const doc = iframe.contentDocument;
  const win = iframe.contentWindow;
  if (!doc || !win) return;
  const sheets = [];
  for (const style of doc.querySelectorAll("style")) {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(style.textContent ?? "");
    sheets.push(sheet);
  }
  doc.adoptedStyleSheets = sheets;
  for (const el of doc.querySelectorAll("[style]")) el.style.cssText = el.getAttribute("style") ?? "";
  // The frame is as tall as the report, so the page scrolls once rather than twice.
  iframe.style.height = `${Math.max(400, doc.documentElement.scrollHeight + 20)}px`;
}
