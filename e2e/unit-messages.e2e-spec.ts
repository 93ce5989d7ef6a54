import { join } from 'node:path';
import { eventually } from '@oneseal/testing';
import { browserForSuite, expectText, freshPage, logIn, SHOTS, workbench } from './browser';
import { fileCase } from './case-api';
import { as, serviceUrl } from './system';

interface Inbox {
  unread: number;
  items: { id: string; template: string; body: string; read: boolean }[];
}

const inboxUrl = (query: string) => `${serviceUrl('notification')}/notifications/inbox?${query}`;

describe('单位消息: a clerk reads what is new, by kind, and goes to what each message asks for', () => {
  const browser = browserForSuite();

  it('marks messages read one by one or all at once, filters unread and by kind, and reads a message by opening its act', async () => {
    const clerk = as('zz-town-window');
    const first = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    const second = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    const messageOf = async (receiptNumber: string) =>
      eventually(`the new task of ${receiptNumber} in the window's messages`, async () => {
        const { body } = await clerk.get<Inbox>(inboxUrl('unread=true&kind=taskOpened&pageSize=200'));
        return body.items.find((item) => item.body.includes(receiptNumber));
      });
    const firstMessage = await messageOf(first.receiptNumber);
    await messageOf(second.receiptNumber);

    const page = await freshPage(browser());
    await logIn(page, 'zz-town-window');
    await page.goto(`${workbench}/#/messages`);
    const view = page.locator('main');
    // The count of what is unread (the clerk has new tasks: not 没有未读消息).
    await eventually('the unread count', async () =>
      /未读 [\d,]+ 条/.test(await view.locator('.unread-count').innerText()) ? true : undefined,
    );
    await view.getByLabel('类别').selectOption({ label: '新待办' });
    await view.getByLabel('只看未读').check();
    const rowOf = (receiptNumber: string) => view.locator('tr', { hasText: receiptNumber });
    await expectText(rowOf(first.receiptNumber), '未读');
    await page.screenshot({ path: join(SHOTS, 'unit-messages.png'), fullPage: true });

    // 标为已读: gone from the unread list, still in the full one without the mark.
    await rowOf(first.receiptNumber).getByRole('button', { name: '标为已读' }).click();
    await eventually('the first message gone from the unread list', async () =>
      (await rowOf(first.receiptNumber).count()) === 0 ? true : undefined,
    );
    await view.getByLabel('只看未读').uncheck();
    await expectText(rowOf(first.receiptNumber), '新待办');
    expect(await rowOf(first.receiptNumber).innerText()).not.toContain('未读');
    const read = await clerk.get<Inbox>(inboxUrl('kind=taskOpened&pageSize=200'));
    expect(read.body.items.find((item) => item.id === firstMessage.id)?.read).toBe(true);

    // Opening what a message asks for reads it: 去办理 leads to 我的待办.
    await rowOf(second.receiptNumber).getByRole('link', { name: '去办理' }).click();
    await expectText(page.locator('main h2'), '我的待办');
    await eventually('the second message read', async () => {
      const { body } = await clerk.get<Inbox>(inboxUrl('kind=taskOpened&pageSize=200'));
      return body.items.find((item) => item.body.includes(second.receiptNumber))?.read ? true : undefined;
    });

    // Every kind is named in words, never by its code.
    await page.goto(`${workbench}/#/messages`);
    await view.getByLabel('类别').selectOption({ label: '全部类别' });
    await expectText(view.locator('.list tbody'), '新待办');
    expect(await view.locator('.list').innerText()).not.toMatch(
      /taskOpened|dissatisfiedRating|140525100-window/,
    );

    // 全部标为已读 of one kind: nothing of it left unread for this clerk (a third case's new task, unread, among it).
    const third = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    await messageOf(third.receiptNumber);
    await view.getByLabel('类别').selectOption({ label: '新待办' });
    await view.getByRole('button', { name: '全部标为已读' }).click();
    await expectText(view.locator('.message'), '条消息标为已读');
    const after = await clerk.get<Inbox>(inboxUrl('unread=true&kind=taskOpened'));
    expect(after.body.items).toEqual([]);
  });

  it('shows the kind chosen while the first page was still on its way, not that page arriving after it', async () => {
    const page = await freshPage(browser());
    await logIn(page, 'zz-town-window');
    // The first look (no kind chosen) answers only after the one with 新待办 has been shown.
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let shownFiltered: () => void = () => undefined;
    const filteredShown = new Promise<void>((resolve) => (shownFiltered = resolve));
    await page.route('**/api/notification/notifications/inbox?*', async (route) => {
      const kind = new URL(route.request().url()).searchParams.get('kind');
      if (kind) {
        await route.continue();
        shownFiltered();
        return;
      }
      await firstHeld;
      await route.continue();
    });
    await page.goto(`${workbench}/#/messages`);
    const view = page.locator('main');
    await view.getByLabel('类别').selectOption({ label: '考核通报' });
    await filteredShown;
    await eventually('the chosen kind shown', async () =>
      (await view.locator('.list').innerText()).includes('加载中') ? undefined : true,
    );
    const chosen = await view.locator('.list').innerText();
    expect(chosen).not.toContain('新待办');
    const late = page.waitForResponse(
      (response) => response.url().includes('/notifications/inbox?') && !response.url().includes('kind='),
    );
    releaseFirst();
    await (await late).finished();
    // The late first page (the window's new tasks among it) is dropped: the list stays the chosen kind's.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(await view.locator('.list').innerText()).toBe(chosen);
    await page.context().close();
  });
});
