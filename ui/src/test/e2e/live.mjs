// Real-browser check of the live parts over a Druid fed with events (Debian chromium driven by playwright-core): a
// Hà Nội leader's Live page shows the figures Druid SQL gives, in Vietnamese then English; a wall device's live slide
// shows them too, then follows the stream: once the test has fed the rest of the day (signal files in SIGNALS_DIR), the
// slide shows the new count within BOUND milliseconds, without a reload. Screenshots saved.
// Usage: node live.mjs BASE_URL SCREENSHOT_DIR TODAY,BACKLOG,OVERDUE,BUSIEST_SERVICE,SIGNALS_DIR,BOUND
import { inBrowser } from './browser.mjs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [base, shots, expected] = process.argv.slice(2);
const [today, backlog, overdue, busiest, signals, bound] = expected.split(',');
await inBrowser(shots, 'live', run);

async function run(browser, state, fail) {
  const page = state.page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.setDefaultTimeout(30000);
  const number = async (id) => (await page.textContent('#' + id + ' .live-value')).replace(/\D/g, '');
  const check = async (where) => {
    for (const [id, value] of [['live-today', today], ['live-backlog', backlog], ['live-overdue', overdue]]) {
      const shown = await number(id);
      if (shown !== value) await fail(where + ': ' + id + ' shows ' + shown + ', Druid says ' + value);
    }
    const services = await page.textContent('#live-services');
    if (!services.includes(busiest)) await fail(where + ': the busiest service ' + busiest + ' is listed, got: ' + services);
  };

  await page.goto(base + '/live');
  await page.waitForURL(/login/);
  await page.fill('input[name="username"]', 'hanoi');
  await page.fill('input[name="password"]', 'demo-hanoi');
  await page.click('vaadin-button[slot="submit"], button[type="submit"]');
  await page.waitForURL(/live/);
  await page.waitForSelector('.live-tile');
  const title = await page.textContent('h2');
  if (!title.includes('Trực tiếp') || !title.includes('Hà Nội')) await fail('the Live page opens on Hà Nội in Vietnamese, got: ' + title);
  await check('Live page');
  const stamp = await page.textContent('#live-stamp');
  if (!stamp.startsWith('Luồng sự kiện')) await fail('the page says when its stream stands, got: ' + stamp);
  await page.screenshot({ path: shots + '/16-live-vi.png', fullPage: true });

  await page.click('#language');
  await page.waitForSelector('text=Sign out');
  await page.waitForSelector('.live-tile');
  await page.waitForFunction(() => document.querySelector('h2')?.textContent.startsWith('Live'));
  await check('Live page in English');
  const lists = await page.textContent('#live-communes');
  if (/(^|[^\d.,])1 applications/.test(lists)) await fail('one application is singular in English, got: ' + lists);
  await page.screenshot({ path: shots + '/17-live-en.png', fullPage: true });

  // A wall device's playlist of one live slide.
  const wall = state.page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  wall.setDefaultTimeout(60000);
  await wall.goto(base + '/wall/truc-tiep');
  await wall.waitForURL(/login/);
  await wall.fill('input[name="username"]', 'manhinh');
  await wall.fill('input[name="password"]', 'demo-manhinh');
  await wall.click('vaadin-button[slot="submit"], button[type="submit"]');
  await wall.waitForURL(/wall\/truc-tiep/);
  await wall.waitForSelector('#wall-slide .live-tile');
  const onWall = (await wall.textContent('#wall-slide #live-today .live-value')).replace(/\D/g, '');
  if (onWall !== today) await fail('the wall shows ' + onWall + ' applications today, Druid says ' + today);
  const wallServices = await wall.textContent('#wall-slide #live-services');
  if (!wallServices.includes(busiest)) await fail('the wall lists the busiest service ' + busiest + ', got: ' + wallServices);
  await wall.screenshot({ path: shots + '/18-wall-live.png' });

  // The rest of the day arrives: the slide (60 s long in its playlist) shows the new count by push, within the bound.
  await wall.evaluate(() => { window.sameDocument = true; });
  writeFileSync(join(signals, 'wall-shown'), String(Date.now()));
  for (let i = 0; i < 1200 && !existsSync(join(signals, 'fed')); i++) await new Promise((resolve) => setTimeout(resolve, 250));
  if (!existsSync(join(signals, 'fed'))) await fail('the test fed no more events within 5 minutes');
  const [later, fedAt] = readFileSync(join(signals, 'fed'), 'utf8').split('\n');
  await wall.waitForFunction((value) => document.querySelector('#wall-slide #live-today .live-value')?.textContent.replace(/\D/g, '') === value,
    later, { timeout: Number(bound) + 5000 }).catch(async () => await fail('the wall still shows '
      + (await wall.textContent('#wall-slide #live-today .live-value')) + ' applications today, Druid says ' + later));
  const followedIn = Date.now() - Number(fedAt);
  if (followedIn > Number(bound)) await fail('the wall took ' + followedIn + ' ms to show the stream, more than ' + bound);
  if (!(await wall.evaluate(() => window.sameDocument === true))) await fail('the wall reloaded instead of being pushed the new figures');
  await wall.screenshot({ path: shots + '/19-wall-live-followed.png' });

  console.log('ok: Live page (vi, en) and wall slide show ' + today + ' applications today, backlog ' + backlog + ', overdue ' + overdue + ', busiest '
    + busiest + '; the wall followed the stream to ' + later + ' in ' + followedIn + ' ms by push');
}
