import { launchChromium } from '@smskit/test-support/chromium';
import { describe, expect, it } from 'vitest';
import { chinaSend, emulatorFor, overseasSend, sendV1 } from '../test-support/emulator-fixture.js';

describe('the inbox page', () => {
  it('is one self-contained HTML document', async () => {
    await using emulator = await emulatorFor();
    const response = await fetch(`${emulator.url}/`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('shows a message sent to the emulator as it arrives, readable on a phone screen', async () => {
    await using emulator = await emulatorFor();
    await sendV1(emulator, 'SendSms', overseasSend);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({
        viewport: { width: 375, height: 740 },
        deviceScaleFactor: 2,
      });
      const failed: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      page.on('pageerror', (error) => failed.push(error.message));
      await page.goto(`${emulator.url}/`);
      await page.locator('#status.live').waitFor();
      await page.getByText('[smskit] Your sign-in code is 654321').waitFor();

      await sendV1(emulator, 'SendSms', chinaSend);
      const newest = page.locator('#messages li').first();
      await newest.getByText('【smskit】您的登录验证码是123456').waitFor({ timeout: 5000 });
      await expect(newest.textContent()).resolves.toContain('+8613800138000');
      await expect(newest.textContent()).resolves.toContain('SMS_CN_SIGN_IN');
      expect(await page.locator('#messages li').count()).toBe(2);

      // Nothing wider than the phone's screen.
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);

      await page.fill('#filter', '138 0013');
      expect(await page.locator('#messages li').count()).toBe(1);
      await page.fill('#filter', '');

      await page.click('#clear');
      await page.locator('#empty').waitFor({ state: 'visible' });
      expect(emulator.inbox.list()).toEqual([]);
      expect(failed).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
