import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { launchChromium } from '@smskit/test-support/chromium';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDemo } from './start-demo.js';

// Screenshots for people to look at: the repository's .artifacts/ folder (git-ignored).
const artifacts = resolve(import.meta.dirname, '../../../.artifacts');

let browser: Browser;
beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  // Debian's Chromium, headless; browsers are never downloaded.
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** Records what went wrong on a page: script errors, failed requests, console errors. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('console', (message) => {
    // The browser logs every 4xx/5xx answer; those are the tests' own doing.
    if (message.type() === 'error' && !message.text().includes('the server responded with')) {
      problems.push(message.text());
    }
  });
  return problems;
}

/** The id of the element that has the focus. */
const focused = (page: Page) => page.evaluate<string | undefined>('document.activeElement?.id');

const horizontalOverflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

describe('the demo page', () => {
  it('goes from a number to "verified", with the code read in the emulator inbox', async () => {
    await using demo = await startDemo({ port: 0, emulatorPort: 0 });
    // A phone screen.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const page = await context.newPage();
      const problems = watch(page);
      await page.goto(demo.url);
      await expect(page.title()).resolves.toBe('Verify your phone number · smskit demo');

      // The page links to the emulator's inbox; open it in a second tab, live.
      const inboxLink = page.getByRole('link', { name: 'SMS inbox' });
      await inboxLink.waitFor();
      expect(await inboxLink.getAttribute('href')).toBe(demo.emulatorUrl);
      const [inbox] = await Promise.all([context.waitForEvent('page'), inboxLink.click()]);
      if (inbox === undefined) throw new Error('the inbox did not open');
      await inbox.locator('#status.live').waitFor();

      await page.getByLabel('Mobile number').fill('+852 6123 4567');
      await page.getByRole('button', { name: 'Send code' }).click();

      const codeInput = page.getByLabel('Verification code');
      await codeInput.waitFor();
      await expect(page.locator('#sent-to').textContent()).resolves.toBe('+852 6123 4567');
      await expect(page.locator('#status').textContent()).resolves.toBe(
        'Code sent to +852 6123 4567. It is valid for 5 minutes.',
      );
      expect(await focused(page)).toBe('code');
      // The resend button counts the interval down.
      await expect(page.locator('#resend').textContent()).resolves.toMatch(
        /^Send a new code \((59|60) s\)$/,
      );

      // The "SMS" arrived in the inbox tab; read the code there as a person would.
      const sms = inbox.locator('#messages li').first().locator('.text');
      await sms.waitFor();
      const text = (await sms.textContent()) ?? '';
      // Hong Kong is on Aliyun's overseas route: the international template, in English.
      expect(text).toMatch(
        /^\[smskit\] Your sign-in code is \d{6}\. It expires in 5 minutes; do not share it\.$/,
      );
      const code = /\d{6}/.exec(text)?.[0] as string;
      await inbox.bringToFront();
      await inbox.screenshot({ path: join(artifacts, 'demo-inbox.png') });
      await page.bringToFront();

      // A wrong code first: the field says so and keeps the focus.
      await codeInput.fill(code === '000000' ? '111111' : '000000');
      await codeInput.press('Enter');
      const codeError = page.locator('#code-error');
      await codeError.getByText('The code is wrong; 4 attempts left.').waitFor();
      expect(await codeInput.getAttribute('aria-invalid')).toBe('true');
      expect(await focused(page)).toBe('code');
      await page.screenshot({ path: join(artifacts, 'demo-wrong-code.png') });

      await codeInput.fill(code);
      await page.getByRole('button', { name: 'Verify' }).click();
      const verified = page.getByRole('heading', { name: 'Verified' });
      await verified.waitFor();
      await expect(page.locator('#verified-phone').textContent()).resolves.toBe('+85261234567');
      expect(await focused(page)).toBe('verified-title');
      await expect(page.title()).resolves.toBe('Verified · smskit demo');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(artifacts, 'demo-verified.png') });

      // The same number again at once: the server's 429 and its Retry-After countdown.
      await page.getByRole('button', { name: 'Verify another number' }).click();
      await page.getByLabel('Mobile number').fill('+852 6123 4567');
      await page.getByRole('button', { name: 'Send code' }).click();
      const alert = page.locator('#alert');
      await alert.getByText('A code was just sent to this number').waitFor();
      await expect(alert.textContent()).resolves.toMatch(
        /^A code was just sent to this number; request another in \d+ s\. 429 TOO_SOON$/,
      );
      const send = page.locator('#send');
      await expect(send.textContent()).resolves.toMatch(/^Send code \(\d+ s\)$/);
      expect(await send.getAttribute('aria-disabled')).toBe('true');
      await page.screenshot({ path: join(artifacts, 'demo-too-soon.png') });
      // While held back, Enter sends nothing.
      const sends: string[] = [];
      page.on('request', (request) => sends.push(request.url()));
      await page.getByLabel('Mobile number').press('Enter');
      await page.waitForTimeout(300);
      expect(sends).toEqual([]);

      expect(problems).toEqual([]);
      expect(await inbox.locator('#messages li').count()).toBe(1);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('names the field at fault, and shows a provider failure', async () => {
    await using demo = await startDemo({ port: 0, emulatorPort: 0 });
    // A desktop screen, in dark mode.
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      colorScheme: 'dark',
    });
    try {
      const problems = watch(page);
      await page.goto(demo.url);
      const phone = page.getByLabel('Mobile number');
      const phoneError = page.locator('#phone-error');

      await page.getByRole('button', { name: 'Send code' }).click();
      await phoneError.getByText('Enter your mobile number.').waitFor();
      expect(await focused(page)).toBe('phone');

      // The server's 400, naming the phone field.
      await phone.fill('12345');
      await phone.press('Enter');
      await expect(phoneError.textContent()).resolves.not.toBe('Enter your mobile number.');
      await phoneError.getByText(/too short/i).waitFor();
      expect(await phone.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#phone-hint').isVisible()).toBe(true);
      await expect(phone.getAttribute('aria-describedby')).resolves.toBe('phone-hint phone-error');

      // Aliyun fails: the server's 502 in the alert, the field no longer marked.
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      demo.emulator?.faults.inject({ type: 'status', status: 500 });
      await phone.fill('+1 415 555 2671');
      await page.getByRole('button', { name: 'Send code' }).click();
      await page.locator('#alert').getByText('502 PROVIDER_UNAVAILABLE').waitFor();
      await expect(page.locator('#alert').textContent()).resolves.toBe(
        'The SMS provider could not send the code. 502 PROVIDER_UNAVAILABLE',
      );
      expect(await phone.getAttribute('aria-invalid')).toBeNull();
      expect(await phoneError.textContent()).toBe('');
      expect(logged).toHaveBeenCalledTimes(1);
      await page.screenshot({ path: join(artifacts, 'demo-provider-failed.png') });

      // It recovers: the next send goes through.
      await page.getByRole('button', { name: 'Send code' }).click();
      await page.getByLabel('Verification code').waitFor();
      expect(await page.locator('#alert').textContent()).toBe('');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('links the inbox on the host the page was opened with', async () => {
    await using demo = await startDemo({ port: 0, emulatorPort: 0 });
    const page = await browser.newPage();
    try {
      // As from a phone with HOST=0.0.0.0: a name for this machine other than 127.0.0.1.
      await page.goto(demo.url.replace('127.0.0.1', 'localhost'));
      const link = page.getByRole('link', { name: 'SMS inbox' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(
        demo.emulatorUrl?.replace('127.0.0.1', 'localhost'),
      );
    } finally {
      await page.close();
    }
  }, 60_000);
});
