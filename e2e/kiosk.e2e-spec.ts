import { join } from 'node:path';
import { residentIdNumber } from '@oneseal/testing';
import { makeFullyOnline, randomPhone, signInWithSmsCode } from './applicant';
import { browserForSuite, expectText, freshPage, logIn, SHOTS, workbench } from './browser';
import { as, serviceUrl } from './system';

describe('自助一体机: the hall’s kiosk reads the identity card, prints numbers, and shows nothing of the staff console', () => {
  const browser = browserForSuite();

  beforeAll(async () => {
    // The hall is set up and one matter can be applied for online (other suites may have done both already).
    const hall = await as('zz-admin').put(`${serviceUrl('intake')}/hall/140525100/settings`, {
      windows: [
        { number: 1, name: '社会事务窗口', categories: ['social-assistance', 'social-security', 'health'] },
        { number: 2, name: '综合受理窗口', categories: ['rural', 'general'] },
      ],
      slots: ['09:00-10:00', '10:00-11:00', '15:00-16:00', '16:00-17:00'],
      slotCapacity: 30,
      bookDaysAhead: 5,
    });
    expect(hall.status).toBe(200);
    await makeFullyOnline('ZZ-T-032', '县人社局确认：城乡居民养老保险参保登记实行全程网办');
  });

  it('takes a card from a keyboard-wedge reader, prints a number, and keeps the visitor out of staff pages', async () => {
    const kiosk = await freshPage(browser());
    await kiosk.setViewportSize({ width: 1280, height: 900 });
    await logIn(kiosk, 'zz-town-window');
    await kiosk.goto(`${workbench}/#/kiosk`);
    await expectText(kiosk.locator('.kiosk-card'), '请将身份证放在读卡区');

    // A wedge reader types the card's number in one burst (a keyboard cannot type the name) and presses Enter.
    const idNumber = residentIdNumber(1958);
    await kiosk.keyboard.type(idNumber, { delay: 0 });
    await kiosk.keyboard.press('Enter');
    await expectText(
      kiosk.locator('.kiosk-card'),
      `已读取身份证：${idNumber.slice(0, 4)}**********${idNumber.slice(14)}`,
    );
    await kiosk.screenshot({ path: join(SHOTS, 'kiosk-home.png') });

    // A number, printed on the slip.
    await kiosk.getByRole('button', { name: /^取号/ }).click();
    await kiosk.getByRole('button', { name: '民政救助' }).click();
    await expectText(kiosk.locator('.ticket-slip'), '前面还有');
    expect(await kiosk.locator('.ticket-number').innerText()).toMatch(/^B\d{3}$/);
    await kiosk.getByRole('button', { name: '完成' }).click();
    // The visit ends with its number: the card is forgotten for the next person.
    await expectText(kiosk.locator('.kiosk-card'), '请将身份证放在读卡区');

    // Typed by hand, a wrong number is refused.
    await kiosk.getByRole('button', { name: '手动输入身份证号码' }).click();
    for (const key of '110105194912310022') await kiosk.locator(`.kiosk-keys [data-key="${key}"]`).click();
    await kiosk.getByRole('button', { name: '确定' }).click();
    await expectText(kiosk.locator('.kiosk-keypad .message'), '公民身份号码有误');
    await kiosk.getByRole('button', { name: '返回' }).click();

    // 自助申报: the public pages only, the card (read again) filling in the applicant.
    await kiosk.keyboard.type(idNumber, { delay: 0 });
    await kiosk.keyboard.press('Enter');
    await expectText(kiosk.locator('.kiosk-card'), '已读取身份证');
    await kiosk.getByRole('link', { name: /自助申报/ }).click();
    await expectText(kiosk.locator('.topbar'), '政务服务 · 自助服务');
    expect(await kiosk.locator('#nav').innerText()).not.toContain('我的待办');
    await kiosk.goto(`${workbench}/#/apply/ZZ-T-032`);
    await signInWithSmsCode(kiosk, randomPhone());
    const form = kiosk.locator('form.apply');
    await expectText(form, '办理地点');
    expect(await form.getByLabel('申请人公民身份号码').inputValue()).toBe(idNumber);

    // Home again: the visitor's sign-in and card are forgotten; staff leave the mode with the account's password.
    await kiosk.getByRole('link', { name: '返回自助服务首页' }).click();
    await expectText(kiosk.locator('.kiosk-card'), '请将身份证放在读卡区');
    const signedIn = await kiosk.evaluate(() =>
      (
        globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }
      ).sessionStorage.getItem('oneseal.applicant'),
    );
    expect(signedIn).toBeNull();
    // A staff page typed into the address bar lands on the kiosk's home.
    await kiosk.goto(`${workbench}/#/inbox`);
    await kiosk.waitForURL(/#\/kiosk$/);
    await kiosk.getByRole('button', { name: '工作人员退出自助模式' }).click();
    await kiosk.getByLabel('本机登录账号的密码').fill('oneseal-demo');
    await kiosk.getByRole('button', { name: '退出自助模式' }).click();
    await kiosk.waitForURL(/#\/queue$/);
    await expectText(kiosk.locator('#nav'), '我的待办');
  });
});
