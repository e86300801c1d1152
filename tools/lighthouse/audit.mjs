// Lighthouse (mobile) for several pages with one Chromium: prints one JSON
// object per page with the four category scores, the layout shift and every
// audit that lost points. Used by tests/test_theme_lighthouse.py.
//   CHROME_PATH=/usr/bin/chromium node tools/lighthouse/audit.mjs URL…
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const urls = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const results = [];
try {
  for (const url of urls) {
    const runner = await lighthouse(url, {
      port: chrome.port, output: "json", logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      // the full-page screenshot only illustrates the HTML report; no audit scores it
      disableFullPageScreenshot: true,
      // audits that carry no weight in any score: the back/forward-cache probe
      // navigates away and back, the others only feed the HTML report
      skipAudits: ["bf-cache", "screenshot-thumbnails", "final-screenshot", "script-treemap-data",
        "valid-source-maps"],
    });
    const lhr = runner.lhr;
    const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, c.score]));
    const failing = [];
    for (const category of Object.values(lhr.categories)) {
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          failing.push(`${category.id}: ${ref.id} ${audit.score} ${audit.displayValue || ""}`.trim());
        }
      }
    }
    results.push({
      url, scores, failing,
      layoutShift: lhr.audits["cumulative-layout-shift"].numericValue,
      runtimeError: lhr.runtimeError ? lhr.runtimeError.message : null,
    });
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results) + "\n");
