// What the real-browser scripts share: Debian's chromium through playwright-core, and a failure that says why,
// leaves a screenshot of the page and exits non-zero.
import { chromium } from 'playwright-core';

export async function inBrowser(shots, name, run) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  const state = { page: null };
  const fail = async (message) => {
    console.error('FAILED: ' + message);
    if (state.page) await state.page.screenshot({ path: shots + '/' + name + '-failure.png', fullPage: true });
    process.exit(1);
  };
  try {
    await run(browser, state, fail);
  } catch (e) {
    await fail(e.message);
  } finally {
    await browser.close();
  }
}

/** Fills the sign-in form a page shows (after being sent to it) as a demo user, whose password is 'demo-' and the name. */
export async function signIn(page, user) {
  await page.fill('input[name="username"]', user);
  await page.fill('input[name="password"]', 'demo-' + user);
  await page.click('vaadin-button[slot="submit"], button[type="submit"]');
}
