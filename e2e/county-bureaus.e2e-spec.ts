import { join } from 'node:path';
import { eventually } from '@oneseal/testing';
import { browserForSuite, expectText, freshPage, logIn, SHOTS, workbench } from './browser';
import { as, serviceUrl } from './system';

const bureaus = `${serviceUrl('intake')}/catalogue/bureaus`;
const admin = as('qs-admin');
const DATA_BUREAU = {
  county: '140521',
  slug: 'sjj',
  name: '县数据局',
  fullName: '县政务服务和数据管理局',
  numberPrefix: '数',
};

interface Bureau {
  code: string;
  name: string;
  fullName: string;
}

describe('bureaus are the county’s data: its administrator adds one, and it becomes an organ with a seal', () => {
  const browser = browserForSuite();

  it('沁水县 adds 县数据局 in the console; the seal service registers the organ and its seal goes through to 启用', async () => {
    const listed = async () => (await admin.get<Bureau[]>(`${bureaus}?county=140521`)).body;
    const page = await freshPage(browser());
    await page.setViewportSize({ width: 1280, height: 1000 });
    await logIn(page, 'qs-admin');
    await page.goto(`${workbench}/#/catalogue`);
    const section = page.locator('.bureaus');
    await expectText(section, '县民政局');
    // A later run of this test finds the bureau in place: adding it again is refused by code.
    if (!(await listed()).some((bureau) => bureau.code === '140521-sjj')) {
      const form = section.locator('form.bureau-form');
      await form.locator('input[name=name]').fill(DATA_BUREAU.name);
      await form.locator('input[name=fullName]').fill('政务服务和数据管理局');
      await form.locator('input[name=slug]').fill(DATA_BUREAU.slug);
      await form.locator('input[name=numberPrefix]').fill(DATA_BUREAU.numberPrefix);
      await form.getByRole('button', { name: '新增县直部门' }).click();
      await expectText(form.locator('.bureau-message'), '全称应以“县”开头');
      await form.locator('input[name=fullName]').fill(DATA_BUREAU.fullName);
      await form.getByRole('button', { name: '新增县直部门' }).click();
      await expectText(form.locator('.bureau-message'), '已新增县数据局（县政务服务和数据管理局）');
    }
    const organ = await eventually('the organ registered by the seal service', async () => {
      const { body } = await admin.get<{ code: string; name: string; numberPattern: string }[]>(
        `${serviceUrl('seal')}/organs?county=140521`,
      );
      return body.find((candidate) => candidate.code === '140521-sjj');
    });
    expect(organ).toEqual(
      expect.objectContaining({ name: '沁水县政务服务和数据管理局', numberPattern: '沁数审〔{year}〕{n}号' }),
    );
    // Its seal is applied for; the administrator takes it through its steps on the same screen.
    await page.reload();
    const row = section.locator('tr', { hasText: '县政务服务和数据管理局' });
    // 申报 → 审批 → 刻制 → 备案 → 启用: each step's button appears once the one before it is done.
    if (!(await row.innerText()).includes('已启用')) {
      for (const step of ['同意刻制', '刻制', '备案', '启用']) {
        const button = row.getByRole('button', { name: step, exact: true });
        await button.waitFor({ timeout: 15_000 });
        await button.click();
      }
    }
    await expectText(row, '已启用');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'county-bureaus.png') });
    await page.context().close();

    const again = await admin.post<{ code: string }>(bureaus, DATA_BUREAU);
    expect([again.status, again.body.code]).toEqual([409, 'BUREAU.CODE_TAKEN']);
    const sameName = await admin.post<{ code: string }>(bureaus, { ...DATA_BUREAU, slug: 'sjjtwo' });
    expect([sameName.status, sameName.body.code]).toEqual([409, 'BUREAU.NAME_TAKEN']);
    const other = await as('zz-admin').post<{ code: string }>(bureaus, { ...DATA_BUREAU, slug: 'zzz' });
    expect([other.status, other.body.code]).toEqual([403, 'AUTH.OUT_OF_SCOPE']);
    const clerk = await as('qs-town-window').post<{ code: string }>(bureaus, { ...DATA_BUREAU, slug: 'yyy' });
    expect([clerk.status, clerk.body.code]).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
    expect((await listed()).filter((bureau) => bureau.name === DATA_BUREAU.name)).toHaveLength(1);
  });
});
