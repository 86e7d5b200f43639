// Real-browser check of the dashboard (Debian chromium driven by playwright-core): sign in as a provincial leader,
// see the overview, drill province -> commune (downloading the province's briefing), switch to English, look at it on a phone's width; screenshots saved.
// Usage: node dashboard.mjs BASE_URL SCREENSHOT_DIR PROVINCE_CODE
import { inBrowser } from './browser.mjs';
import { readFileSync } from 'node:fs';

const [base, shots, province] = process.argv.slice(2);
await inBrowser(shots, 'dashboard', run);

/** Last calendar month: past, and after the fixture's data (October 2026), so without figures. */
function lastMonth() {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 7);
}

/** Opens the lineage popover of the first figure matching {@code target}, checks it says each of {@code says}, screenshots it, closes it. */
async function lineage(page, target, says, shot, fail) {
  await page.locator(target).first().click();
  const box = page.locator('.lineage:visible').first();
  await box.waitFor();
  const text = await box.textContent();
  for (const said of says) {
    if (!text.includes(said)) await fail('the lineage of ' + target + ' says "' + said + '", got: ' + text);
  }
  await page.screenshot({ path: shots + '/' + shot + '.png' });
  await page.keyboard.press('Escape');
  await page.locator('.lineage:visible').waitFor({ state: 'hidden' });
}

/** A table on a phone shows all its visible columns: nothing to scroll sideways, no cell cut off. */
async function fitsPhone(page, grid, what, fail) {
  const overflow = await page.evaluate(selector => { const table = document.querySelector(selector).$.table; return table.scrollWidth - table.clientWidth; }, grid);
  if (overflow > 1) await fail(what + ' fits a phone (390 px), but its table is ' + overflow + ' px wider than its box');
}

async function run(browser, state, fail) {
  const page = state.page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.setDefaultTimeout(30000);
  await page.goto(base + '/');
  await page.waitForURL(/login/);
  await page.fill('input[name="username"]', 'hanoi');
  await page.fill('input[name="password"]', 'demo-hanoi');
  await page.click('vaadin-button[slot="submit"], button[type="submit"]');
  await page.waitForSelector('.kpi-card');
  const title = await page.textContent('h2');
  if (!title.includes('Hà Nội')) await fail('the overview of a Hà Nội leader opens on Hà Nội, got: ' + title);
  const cards = await page.locator('.kpi-card').count();
  if (cards < 10) await fail('expected a card per indicator, got ' + cards);
  await page.screenshot({ path: shots + '/1-overview-vi.png', fullPage: true });
  // Where a figure comes from: the "i" beside a card's value opens its sources, run and rows.
  await lineage(page, '.kpi-card .lineage-button', ['Tử số:', 'Cơ sở dữ liệu quốc gia về dân cư', 'lần nạp', 'Hà Nội: đọc'], '1b-lineage-card-vi', fail);

  // Drill down: a card opens the province's page for its indicator; the province's communes are ranked there.
  await page.locator('.kpi-card a.kpi-name').first().click();
  await page.waitForURL(new RegExp('/province/' + province));
  await page.waitForSelector('.ranking-grid');
  await page.waitForSelector('svg.chart');
  await page.screenshot({ path: shots + '/2-province-vi.png', fullPage: true });
  // The pace to target: its verdict in the headline, and where it has a line, the projection drawn on the trend.
  const pace = await page.getAttribute('.headline .pace', 'data-pace');
  const trend = await page.textContent('svg.chart');
  if (['ON_TRACK', 'AT_RISK', 'OFF_TRACK'].includes(pace) !== trend.includes('Dự báo theo tốc độ hiện nay')) {
    await fail('the trend draws the projection exactly when the pace has one (pace ' + pace + ')');
  }
  // A month of the trend chart opens the same for that month.
  await lineage(page, '.chart-wide .lineage-point >> nth=-1', ['Tử số:', 'lần nạp'], '2c-lineage-chart-vi', fail);
  const provincePage = page.url();
  // The slipping ranking: provinces furthest behind their target first, each with its pace.
  await page.goto(base + '/rankings?kpi=population.verified_rate&sort=pace');
  await page.waitForSelector('.ranking-grid .pace');
  const paces = await page.locator('.ranking-grid .pace').count();
  if (paces < 10) await fail('every province of the slipping ranking has its pace, saw ' + paces);
  await page.screenshot({ path: shots + '/2b-slipping-vi.png' });
  await page.goto(provincePage);
  await page.waitForSelector('.ranking-grid');
  // A commune's value in the grid opens the same for that commune.
  await lineage(page, '.ranking-grid .lineage-button:visible >> nth=0', ['Tử số:', 'lần nạp'], '2d-lineage-grid-vi', fail);
  // One click gives the province's briefing as a PDF.
  const [briefing] = await Promise.all([page.waitForEvent('download'), page.click('#briefing')]);
  const pdf = readFileSync(await briefing.path());
  if (pdf.subarray(0, 5).toString() !== '%PDF-' || pdf.length < 20000) await fail('the briefing download is a PDF (' + pdf.length + ' bytes)');
  const commune = page.locator('.ranking-grid a').first();
  await commune.waitFor();
  const communeName = (await commune.textContent()).trim();
  await commune.click();
  await page.waitForURL(/\/commune\/\d{5}/);
  await page.waitForSelector('.headline');
  const heading = await page.textContent('h2');
  if (!heading.includes(communeName)) await fail('the commune page names ' + communeName + ', got: ' + heading);
  await page.screenshot({ path: shots + '/3-commune-vi.png', fullPage: true });
  const communePage = page.url();

  // Alerts: Hà Nội's leader sets a rule on the Alerts page (a threshold the indicator cannot reach is refused on its
  // field); what the rule fires is listed at once, and acknowledged.
  await page.goto(base + '/alerts');
  await page.waitForSelector('#rule-add');
  await page.locator('#rule-kpi input').fill('đã xác thực ("sạch")');
  await page.locator('vaadin-combo-box-item', { hasText: 'Tỷ lệ hồ sơ dân cư đã xác thực' }).first().click();
  await page.locator('#rule-threshold input').fill('150');
  await page.click('#rule-add');
  await page.waitForSelector('#rule-threshold[invalid]');
  const refusal = await page.textContent('#rule-threshold [slot="error-message"]');
  if (!refusal.includes('150')) await fail('the refused threshold is named on its field, got: ' + refusal);
  await page.screenshot({ path: shots + '/8a-alert-refused-vi.png' });
  await page.locator('#rule-threshold input').fill('100');
  await page.click('#rule-add');
  await page.waitForSelector('#firings');
  const fired = await page.locator('#firings .acknowledge').count();
  if (fired < 1) await fail('the rule fired for Hà Nội\'s communes below 100 %, saw ' + fired);
  await page.locator('#firings .acknowledge').first().click();
  await page.waitForSelector('#firings >> text=Đã xác nhận: hanoi');
  await page.screenshot({ path: shots + '/8-alerts-vi.png' });

  // English on request; the same view, translated.
  await page.goto(communePage);
  await page.waitForSelector('.headline');
  await page.click('#language');
  await page.waitForSelector('text=Sign out');
  await page.waitForSelector('.headline');
  await page.screenshot({ path: shots + '/4-commune-en.png', fullPage: true });
  await lineage(page, '.headline .lineage-button', ['Numerator:', 'rows read', 'ingest run'], '4c-lineage-en', fail);

  // A month after the data: every card says there is none for it, never an earlier month's figure; a period that
  // has not begun is refused, saying why.
  await page.goto(base + '/?period=' + lastMonth());
  await page.waitForSelector('.kpi-card');
  const empty = await page.locator('.kpi-value.no-data').count();
  const population = await page.textContent('.kpi-card[data-kpi="population.verified_rate"] .kpi-value');
  if (!population.startsWith('No data for')) await fail('a month without a registry snapshot shows no figure, got: ' + population);
  await page.screenshot({ path: shots + '/4b-no-data-en.png', fullPage: true });
  await page.goto(base + '/?period=2099-01');
  await page.waitForSelector('text=has not begun yet');

  // An unknown address, and a 10 KB one, get the application's own page, saying so in the user's language.
  await page.goto(base + '/no-such-page');
  await page.waitForSelector('.not-found');
  if (!(await page.textContent('.not-found')).includes('leads to no page')) await fail('an unknown address is not found, in English');
  const long = await page.goto(base + '/rankings?q=' + 'a'.repeat(10240));
  await page.waitForSelector('.rankings, .not-found');
  if (long.status() >= 400 && long.status() !== 404) await fail('a 10 KB address reaches the application, got HTTP ' + long.status());
  if (!(await page.title()).startsWith('IOC · ')) await fail('a 10 KB address gets a page of the application, titled: ' + await page.title());

  // Another province's communes are refused.
  await page.goto(base + '/rankings?level=commune&scope=79');
  await page.waitForSelector('.refused');
  await page.screenshot({ path: shots + '/5-refused-en.png' });

  // Without a live source, the menu has no Live page, and the page itself says so in a leader's terms.
  if (await page.locator('vaadin-side-nav-item[path="live"]').count() > 0) await fail('the menu offers the Live page without a live source');
  await page.goto(base + '/live');
  await page.waitForSelector('.live-note');
  const note = await page.textContent('.live-note');
  if (!note.includes('Live figures are not connected')) await fail('the Live page says live figures are not connected, got: ' + note);

  // The map, then a phone's width.
  await page.goto(base + '/map');
  await page.waitForSelector('.map-box a[data-code="01"]');
  await page.screenshot({ path: shots + '/6-map-en.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(base + '/');
  await page.waitForSelector('.kpi-card');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 420) await fail('the overview fits a phone (390 px), but is ' + width + ' px wide');
  await page.screenshot({ path: shots + '/7-overview-phone.png', fullPage: true });
  await lineage(page, '.kpi-card .lineage-button', ['Numerator:'], '7b-lineage-phone', fail);
  await page.goto(base + '/alerts');
  await page.waitForSelector('#firings');
  await fitsPhone(page, '#firings', 'the alerts fired', fail);
  await page.screenshot({ path: shots + '/8b-alerts-phone-en.png', fullPage: true });
  await page.goto(base + '/rankings?kpi=population.verified_rate&sort=pace');
  await page.waitForSelector('.ranking-grid .status');
  await fitsPhone(page, '.ranking-grid', 'a ranking', fail);
  await page.screenshot({ path: shots + '/8c-ranking-phone-en.png' });
  console.log('ok: signed in, ' + cards + ' cards, briefing PDF ' + pdf.length + ' bytes, drilled to ' + communeName + ', English, ' + empty + ' cards without data for ' + lastMonth() + ', refused, live without Druid, map, phone');
}
