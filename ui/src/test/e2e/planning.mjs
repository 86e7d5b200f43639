// Real-browser check of the planning pages (Debian chromium driven by playwright-core): a planner allocates vaccine
// doses among the provinces by three methods, uploads a stock file, saves a scenario, downloads the PDF; then plans
// school places for a province's communes. Screenshots saved.
// Usage: node planning.mjs BASE_URL SCREENSHOT_DIR PERIOD
import { inBrowser } from './browser.mjs';
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const [base, shots, period] = process.argv.slice(2);
await inBrowser(shots, 'planning', run);

async function run(browser, state, fail) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = state.page = await context.newPage();
  page.setDefaultTimeout(30000);
  await page.goto(base + '/login');
  await page.fill('input[name="username"]', 'kehoach');
  await page.fill('input[name="password"]', 'demo-kehoach');
  await page.click('vaadin-button[slot="submit"], button[type="submit"]');
  await page.waitForSelector('.kpi-card');

  // The planner's menu leads to the vaccine allocation.
  await page.click('vaadin-side-nav-item[path="planning/vaccines"]');
  await page.waitForURL(/planning\/vaccines/);
  await page.goto(base + '/planning/vaccines?kpi=vaccination.covid_first_dose&scope=VN&period=' + period + '&doses=200&pack=10');
  await page.waitForSelector('#methods vaadin-grid-cell-content');
  const methods = await page.locator('#methods').innerText();
  for (const method of ['Theo dân số', 'Theo nhu cầu', 'Công bằng']) {
    if (!methods.includes(method)) await fail('the methods side by side include ' + method + ': ' + methods);
  }
  await page.screenshot({ path: shots + '/8-vaccines-vi.png', fullPage: true });

  // A stock file: Hà Nội can take no more than 10 doses beyond the 5 it holds.
  const dir = mkdtempSync(join(tmpdir(), 'stock-'));
  const file = join(dir, 'kho-vac-xin.csv');
  writeFileSync(file, 'code,held,capacity\n01,5,15\n');
  await page.setInputFiles('#stock input[type="file"]', file);
  await page.waitForSelector('#sites:has-text("kho-vac-xin.csv")');
  const cell = await page.locator('#allocations').innerText();
  if (!cell.includes('Hà Nội')) await fail('the allocation lists Hà Nội: ' + cell);

  // Too many doses for whole packs: the page says why.
  await page.fill('#doses input', '205');
  await page.click('#allocate');
  await page.waitForSelector('#refused');
  const refused = await page.textContent('#refused');
  if (!refused.includes('200') || !refused.includes('210')) await fail('the refusal names the nearest whole packs: ' + refused);
  await page.fill('#doses input', '200');
  await page.click('#allocate');
  await page.waitForSelector('#methods vaadin-grid-cell-content');

  // Save the scenario, then download the PDF.
  await page.fill('#scenario-name input', 'Đợt tiêm thử');
  await page.click('#save-scenario');
  await page.waitForURL(/scenario=/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#pdf')]);
  const pdf = readFileSync(await download.path());
  if (pdf.subarray(0, 5).toString() !== '%PDF-' || pdf.length < 10000) await fail('the PDF download is a PDF (' + pdf.length + ' bytes)');
  await page.screenshot({ path: shots + '/9-vaccines-scenario-vi.png', fullPage: true });

  // School places for Hà Nội's communes, in English.
  await page.goto(base + '/planning/schools?province=01&period=' + period + '&level=primary&year=5');
  await page.waitForSelector('#gaps vaadin-grid-cell-content');
  await page.waitForSelector('svg.tile-map a');
  const tiles = await page.locator('svg.tile-map a').count();
  if (tiles < 5) await fail('a tile per commune, got ' + tiles);
  await page.click('#language');
  await page.waitForSelector('text=Sign out');
  await page.waitForSelector('text=Communes with the largest gaps');
  await page.screenshot({ path: shots + '/10-schools-en.png', fullPage: true });
  console.log('ok: three methods, stock file, refusal, scenario saved, PDF ' + pdf.length + ' bytes, school places with ' + tiles + ' communes');
}
