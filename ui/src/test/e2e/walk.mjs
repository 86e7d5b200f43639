// Real-browser walk of every page as every role, in both languages, on a desktop and a phone (Debian chromium driven
// by playwright-core). On every page: no console error; every figure inside its indicator's plausible range (from
// /api/kpis); chart text at least 12 px as rendered; on a phone nothing wider than the screen and no name cut off;
// the title set in the page's language. Every link a page shows is then opened: none may be refused. A month after
// the data shows no figure; a wall device opens its wall only, its chart text at least 28 px at 1920×1080.
// Usage: node walk.mjs BASE_URL SCREENSHOT_DIR PERIOD,HANOI_COMMUNE,HCM_COMMUNE
import { inBrowser, signIn } from './browser.mjs';

const [base, shots, argument] = process.argv.slice(2);
const [period, hanoiCommune, hcmCommune] = argument.split(',');
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const LINKS_OPENED = 30;
await inBrowser(shots, 'walk', run);

/** Last calendar month: past, and after the fixture's data, so without figures. */
function lastMonth() {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

async function run(browser, state, fail) {
  const ranges = await plausibleRanges(browser);
  const common = ['', 'rankings', 'rankings?level=commune&scope=01', 'province/01?kpi=population.verified_rate',
    'province/79?kpi=vaccination.full_immunisation_under1', 'commune/' + hanoiCommune, 'map', 'quality', 'definitions', 'live'];
  const roles = {
    quocgia: [...common, 'commune/' + hcmCommune, 'quality?unit=VN', 'rankings?level=commune&scope=VN'],
    hanoi: common,
    kehoach: [...common, 'planning/vaccines', 'planning/schools?scope=01'],
  };
  let pagesSeen = 0;
  let figuresChecked = 0;
  for (const [user, paths] of Object.entries(roles)) {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = state.page = await context.newPage();
    page.setDefaultTimeout(30000);
    const errors = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400 && response.request().resourceType() !== 'document') errors.push(response.status() + ' ' + response.url());
    });
    await page.goto(base + '/login');
    await signIn(page, user);
    await page.waitForSelector('vaadin-app-layout');
    const links = new Set();
    for (const language of ['vi', 'en']) {
      if (language === 'en') {
        await page.click('#language');
        await page.waitForSelector('text=Sign out');
      }
      for (const viewport of [DESKTOP, PHONE]) {
        await page.setViewportSize(viewport);
        for (const path of paths) {
          const where = user + ' ' + language + ' ' + viewport.width + ' /' + path;
          await page.goto(base + '/' + path);
          await settled(page);
          if (await page.locator('.refused').count() > 0) await fail(where + ': refused, yet it is on the ' + user + "'s walk");
          if (errors.length) await fail(where + ': console errors: ' + errors.join(' | '));
          figuresChecked += await checkFigures(page, ranges, where, fail);
          await checkCharts(page, 12, where, fail);
          await checkTitle(page, language, where, fail);
          if (viewport === PHONE) await checkPhone(page, where, fail);
          if (language === 'vi' && viewport === DESKTOP) {
            for (const link of await page.evaluate(() => [...document.querySelectorAll('a[href], vaadin-side-nav-item[path]')]
              .map((a) => new URL(a.getAttribute('href') ?? a.getAttribute('path'), document.baseURI).href))) {
              const url = new URL(link);
              if (url.origin === new URL(base).origin && !url.pathname.includes('/VAADIN/') && !url.hash) links.add(url.pathname + url.search);
            }
          }
          if (path === 'province/79?kpi=vaccination.full_immunisation_under1' || path === '') {
            await page.screenshot({ path: shots + '/walk-' + user + '-' + language + '-' + viewport.width + '-' + (path === '' ? 'overview' : 'province-79') + '.png', fullPage: true });
          }
          pagesSeen++;
        }
      }
    }
    // Every link shown is one the user may open.
    // One link of each kind (its page and parameters but the indicator and period), as many kinds as there are.
    const shown = [...links].filter((link) => !link.startsWith('/logout')).sort();
    const kinds = new Map();
    for (const link of shown) {
      const url = new URL(link, base);
      url.searchParams.delete('kpi');
      url.searchParams.delete('period');
      if (!kinds.has(url.pathname + url.search)) kinds.set(url.pathname + url.search, link);
    }
    const opened = [...kinds.values()].slice(0, LINKS_OPENED);
    for (const link of opened) {
      await page.goto(base + link);
      await settled(page);
      if (await page.locator('.refused').count() > 0) await fail(user + ' was shown a link to ' + link + ', which refuses them');
    }
    await page.goto(base + '/?period=' + lastMonth());
    await settled(page);
    // A month after the data: no figure on any card, but a registry's latest snapshot said to be "as of" its month.
    const shownFigures = await page.evaluate(() => [...document.querySelectorAll('.kpi-card [data-value]')]
      .filter((figure) => !figure.querySelector('.as-of')).map((figure) => figure.dataset.kpi + ' ' + figure.textContent));
    if (shownFigures.length > 0) await fail(user + ': cards show a figure for ' + lastMonth() + ', which has no data: ' + shownFigures.join(' | '));
    console.log(user + ': ' + paths.length * 4 + ' pages, ' + opened.length + ' links of ' + kinds.size + ' kinds opened (' + shown.length + ' links shown), none refused');
    await context.close();
  }

  // A wall device: its wall, readable from 5 m; any other page refused, with no link to follow.
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = state.page = await context.newPage();
  page.setDefaultTimeout(60000);
  await page.goto(base + '/wall/nhanh');
  await page.waitForURL(/login/);
  await signIn(page, 'manhinh');
  await page.waitForSelector('#wall-slide svg.chart');
  await page.waitForTimeout(500);
  await checkCharts(page, 28, 'the wall', fail);
  const box = await page.evaluate(() => {
    const chart = document.querySelector('#wall-slide svg.chart').getBoundingClientRect();
    return { width: chart.width, bottom: chart.bottom };
  });
  if (box.width < 1400 || box.bottom > 1080) await fail('the wall\'s chart fills its slide on screen: ' + JSON.stringify(box));
  await page.screenshot({ path: shots + '/walk-wall-trend.png' });
  for (const path of ['', 'rankings', 'province/01', 'quality']) {
    await page.goto(base + '/' + path);
    await page.waitForSelector('.refused');
    const links = await page.locator('.refused a, vaadin-side-nav-item').count();
    if (links > 0) await fail('a wall device refused /' + path + ' is offered ' + links + ' links');
  }
  await context.close();
  console.log('ok: ' + pagesSeen + ' pages walked, ' + figuresChecked + ' figures in range, charts readable, wall');
}

/** The page is drawn: Vaadin has nothing in flight. */
async function settled(page) {
  await page.waitForSelector('vaadin-app-layout, .wall');
  await page.waitForFunction(() => window.Vaadin?.Flow?.clients && Object.values(window.Vaadin.Flow.clients).every((client) => !client.isActive?.()));
  await page.waitForTimeout(150);
}

async function plausibleRanges(browser) {
  const context = await browser.newContext();
  const answer = await context.request.get(base + '/api/kpis', { headers: { Authorization: 'Basic ' + Buffer.from('quocgia:demo-quocgia').toString('base64') } });
  if (!answer.ok()) throw new Error('/api/kpis answered ' + answer.status());
  const kpis = await answer.json();
  await context.close();
  return Object.fromEntries(kpis.map((kpi) => [kpi.id, kpi.plausible]));
}

async function checkFigures(page, ranges, where, fail) {
  const figures = await page.evaluate(() => [...document.querySelectorAll('[data-kpi][data-value]')]
    .map((figure) => ({ kpi: figure.dataset.kpi, value: Number(figure.dataset.value) })));
  for (const figure of figures) {
    const range = ranges[figure.kpi];
    if (!range) await fail(where + ': ' + figure.kpi + ' has no plausible range');
    if ((range.min !== null && figure.value < range.min) || (range.max !== null && figure.value > range.max)) {
      await fail(where + ': ' + figure.kpi + ' = ' + figure.value + ', outside [' + range.min + ', ' + range.max + ']');
    }
  }
  return figures.length;
}

/** Every text of every chart shown, as rendered: its font size times the scale it is drawn at. */
async function checkCharts(page, least, where, fail) {
  const sizes = await page.evaluate(() => [...document.querySelectorAll('svg.chart text')].filter((text) => text.getClientRects().length > 0
    && text.textContent.trim()).map((text) => {
    const scale = text.getScreenCTM();
    return { text: text.textContent, px: parseFloat(getComputedStyle(text).fontSize) * Math.hypot(scale.a, scale.b) };
  }));
  const small = sizes.filter((size) => size.px < least - 0.01);
  if (small.length) await fail(where + ': chart text under ' + least + ' px: ' + small.slice(0, 3).map((size) => size.text + ' ' + size.px.toFixed(1) + ' px').join(', '));
}

async function checkTitle(page, language, where, fail) {
  const title = await page.title();
  const vietnamese = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i.test(title);
  if (!title.startsWith('IOC · ') || title.length < 8) await fail(where + ': the page has no title of its own: "' + title + '"');
  if (language === 'en' && vietnamese) await fail(where + ': the English page is titled in Vietnamese: "' + title + '"');
}

/** On a phone nothing is wider than the screen, and no name in a table is cut off. */
async function checkPhone(page, where, fail) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > PHONE.width + 5) await fail(where + ': the page is ' + width + ' px wide on a ' + PHONE.width + ' px phone');
  const cut = await page.evaluate(() => [...document.querySelectorAll('vaadin-grid-cell-content')]
    .filter((cell) => cell.offsetParent !== null && cell.scrollWidth > cell.clientWidth + 1 && cell.textContent.trim())
    .map((cell) => cell.textContent.trim()));
  if (cut.length) await fail(where + ': cut off in a table: ' + cut.slice(0, 5).join(' | '));
}
