// Real-browser check of a wall screen (Debian chromium driven by playwright-core): a wall device signs in and opens
// its playlist; the slides turn; new data pushed by an ingest appears without a reload; the server restarts and the
// screen comes back by itself. The test that runs it does the ingest and the restart when told through SIGNALS files.
// Usage: node wall.mjs BASE_URL SCREENSHOT_DIR SIGNALS_DIR
import { inBrowser } from './browser.mjs';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [base, shots, signals] = process.argv.slice(2);
const signal = (name) => writeFileSync(join(signals, name), String(Date.now()));
const waitFor = async (name, seconds) => {
  for (let i = 0; i < seconds * 4; i++) {
    if (existsSync(join(signals, name))) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('no ' + name + ' signal from the test within ' + seconds + ' s');
};
await inBrowser(shots, 'wall', run);

async function run(browser, state, fail) {
  const page = state.page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.setDefaultTimeout(60000);
  await page.goto(base + '/wall/nhanh');
  await page.waitForURL(/login/);
  await page.fill('input[name="username"]', 'manhinh');
  await page.fill('input[name="password"]', 'demo-manhinh');
  await page.click('vaadin-button[slot="submit"], button[type="submit"]');
  await page.waitForURL(/wall\/nhanh/);
  await page.waitForSelector('#wall-slide h2');
  const clock = await page.textContent('#wall-clock');
  if (!/\d{2}:\d{2}:\d{2}/.test(clock)) await fail('the wall shows a clock, got: ' + clock);
  const background = await page.evaluate(() => getComputedStyle(document.querySelector('.wall')).backgroundColor);
  if (background !== 'rgb(11, 19, 32)') await fail('the wall is dark, got ' + background);
  const first = await page.textContent('#wall-slide h2');
  await page.screenshot({ path: shots + '/11-wall-board.png' });

  // The slides turn by themselves (3 s each in the test playlist).
  await page.waitForFunction((title) => document.querySelector('#wall-slide h2')?.textContent !== title, first, { timeout: 20000 });
  const second = await page.textContent('#wall-slide h2');
  await page.screenshot({ path: shots + '/12-wall-rotated.png' });

  // New data: the test ingests again; the wall shows the new load time without a reload.
  await page.evaluate(() => { window.sameDocument = true; });
  const loaded = await page.getAttribute('.wall', 'data-loaded');
  signal('rotated');
  await page.waitForFunction((before) => document.querySelector('.wall').getAttribute('data-loaded') !== before, loaded, { timeout: 420000 });
  if (!(await page.evaluate(() => window.sameDocument === true))) await fail('the new data came by a reload, not by push');
  const now = await page.getAttribute('.wall', 'data-loaded');
  await page.screenshot({ path: shots + '/13-wall-updated.png' });
  signal('updated');

  // The server restarts: the last picture stays meanwhile; then the page comes back by itself, signed in again.
  await waitFor('stopped', 120);
  await page.waitForSelector('.wall.offline .wall-offline', { state: 'visible', timeout: 60000 });
  const kept = await page.textContent('#wall-slide h2').catch(() => '');
  if (!kept) await fail('the wall went blank while the server was down');
  await page.screenshot({ path: shots + '/14-wall-server-down.png' });
  await waitFor('restarted', 240);
  await page.waitForFunction(() => window.sameDocument !== true && document.querySelector('#wall-slide h2'), null, { timeout: 180000 });
  if (page.url().includes('login')) await fail('the wall device had to sign in again');
  await page.screenshot({ path: shots + '/15-wall-recovered.png' });
  console.log('ok: ' + first + ' -> ' + second + '; data ' + loaded + ' -> ' + now + ' by push; kept "' + kept + '" while down; recovered at ' + page.url());
}
