// Drives the dashboard for `ioc bench ui`: signs in, then opens each location RUNS times in headless chromium.
// Usage: node drive.mjs BASE_URL RUNS LOCATION...
import { chromium } from 'playwright-core';

const [base, runs, ...locations] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.setDefaultTimeout(60000);
  await page.goto(base + '/login');
  await page.fill('input[name="username"]', 'quocgia');
  await page.fill('input[name="password"]', 'demo-quocgia');
  await page.click('vaadin-button[slot="submit"], button[type="submit"]');
  await page.waitForSelector('.data-stamp');
  for (let run = 0; run < Number(runs); run++) {
    for (const location of locations) {
      await page.goto(base + location);
      await page.waitForSelector('h2');
    }
  }
} finally {
  await browser.close();
}
