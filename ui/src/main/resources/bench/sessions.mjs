// Concurrent dashboard sessions for `ioc bench ui --sessions N`: N browser contexts (each its own cookies, so its own
// signed-in session) in one headless chromium, signed in one after another, then all opening the locations in turn,
// each session starting at a different one, until the time is up. Prints one JSON line: every page's time in ms (from
// asking for it to its heading being on screen) and every error.
// Usage: node sessions.mjs BASE_URL SESSIONS SECONDS LOCATION...
import { chromium } from 'playwright-core';

const [base, sessions, seconds, ...locations] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
    '--no-first-run', '--renderer-process-limit=4'],
});
const times = [];
const errors = [];
try {
  const pages = [];
  for (let i = 0; i < Number(sessions); i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(60000);
    await page.goto(base + '/login');
    await page.fill('input[name="username"]', 'quocgia');
    await page.fill('input[name="password"]', 'demo-quocgia');
    await page.click('vaadin-button[slot="submit"], button[type="submit"]');
    await page.waitForSelector('.data-stamp');
    pages.push(page);
  }
  const deadline = Date.now() + Number(seconds) * 1000;
  await Promise.all(pages.map(async (page, session) => {
    for (let visit = session; Date.now() < deadline; visit++) {
      const location = locations[visit % locations.length];
      const start = performance.now();
      try {
        const response = await page.goto(base + location);
        if (!response || !response.ok()) {
          throw new Error('HTTP ' + (response ? response.status() : 'no response'));
        }
        await page.waitForSelector('h2');
        if (await page.locator('.v-system-error, vaadin-notification-card[theme~="error"]').count() > 0) {
          throw new Error('the page shows an error');
        }
        times.push(performance.now() - start);
      } catch (error) {
        errors.push(location + ': ' + String(error.message).split('\n')[0]);
      }
    }
  }));
} finally {
  await browser.close();
}
console.log(JSON.stringify({ times, errors }));
