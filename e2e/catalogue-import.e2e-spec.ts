import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eventually } from '@oneseal/testing';
import { browserForSuite, expectText, freshPage, logIn, SHOTS, workbench } from './browser';
import { decide, fileCase, tasksOf } from './case-api';
import { as, getJson, serviceUrl } from './system';

const starter = readFileSync(resolve(__dirname, '../seeds/catalogue/qinshui-starter-list.tsv'));
const intake = serviceUrl('intake');
// 泽州县's supervisor sees nothing of 沁水县: 沁水县's own watches its cases.
const watcher = as('qs-supervisor');

const openTask = (caseId: string, nth: number) =>
  eventually(`task #${nth} of case ${caseId}`, async () => {
    const task = (await tasksOf(caseId, watcher))[nth];
    return task?.status === 'open' ? task : undefined;
  });

interface Listed {
  total: number;
  items: { code: string; name: string; unit: { name: string } }[];
}

const qinshuiMatters = async (q = '', level = '') =>
  (
    await getJson<Listed>(
      `${intake}/catalogue/matters?county=140521&pageSize=5&q=${encodeURIComponent(q)}${level ? `&level=${level}` : ''}`,
    )
  ).body;

describe('沁水县 joins without code: its administrator imports its matter list in the console', () => {
  const browser = browserForSuite();

  it('is shown the broken row by number, fixes it, publishes; a 龙港镇 window then files a case that routes and is sealed by 龙港镇', async () => {
    const before = (await qinshuiMatters()).total;
    const page = await freshPage(browser());
    await page.setViewportSize({ width: 1280, height: 1100 });
    await logIn(page, 'qs-admin');
    await page.goto(`${workbench}/#/catalogue`);
    const upload = page.locator('form.import-form');
    const broken = starter
      .toString('utf8')
      .replace('镇级\t2\t临时救助\t行政给付', '镇级\t2\t临时救助\t行政服务');
    await upload.locator('input[type=file]').setInputFiles({
      name: '沁水县乡镇事项起始清单.tsv',
      mimeType: 'text/tab-separated-values',
      buffer: Buffer.from(broken),
    });
    await upload.getByRole('button', { name: '上传并检查' }).click();
    const result = page.locator('.import-result');
    await expectText(result, '清单有 1 处问题');
    await expectText(result, '第 3 行：不认识的事项类型「行政服务」');
    // The broken row's matter is not taken as withdrawn, and nothing can be published until it is fixed.
    await expectText(result, '撤销 0 项');
    expect(await result.getByRole('button', { name: '发布到本县事项目录' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'catalogue-import-problem.png') });
    expect((await qinshuiMatters()).total).toBe(before);

    await upload.locator('input[type=file]').setInputFiles({
      name: '沁水县乡镇事项起始清单.tsv',
      mimeType: 'text/tab-separated-values',
      buffer: starter,
    });
    await upload.getByRole('button', { name: '上传并检查' }).click();
    // The first import adds all 143 matters; a later run of this test finds them in place, unchanged.
    await expectText(
      result,
      before === 0
        ? '新增 143 项、变更 0 项、撤销 0 项、不变 0 项'
        : '新增 0 项、变更 0 项、撤销 0 项、不变 143 项',
    );
    await page.screenshot({ path: join(SHOTS, 'catalogue-import-preview.png') });
    await result.getByRole('button', { name: '发布到本县事项目录' }).click();
    await expectText(result.locator('.publish-message'), '已发布到本县事项目录');
    await expectText(page.locator('.import-history'), '已发布');
    await page.context().close();
    expect((await qinshuiMatters()).total).toBe(143);

    // 婚姻生育情况证明: the town handles it to the end, so 龙港镇 decides and seals it.
    const [matter] = (await qinshuiMatters('婚姻生育情况证明', 'town')).items;
    expect(matter).toEqual(expect.objectContaining({ name: '婚姻生育情况证明' }));
    const filed = await fileCase(
      {
        matterCode: matter.code,
        channel: 'town-window',
        county: '140521',
        town: '140521100',
        deliveryMethod: 'electronic',
      },
      {},
      as('qs-town-window'),
    );
    const steps: string[] = [];
    for (let nth = 0; nth < 3; nth += 1) {
      const task = await openTask(filed.caseId, nth);
      steps.push(`${task.stepName}@${task.unitCode}`);
      expect((await decide(task, { outcome: 'approve' })).status).toBe(202);
    }
    expect(steps).toEqual(['受理@140521100-window', '审核@140521100-review', '决定@140521100-approval']);
    const documents = await eventually('the sealed decision', async () => {
      const { body } = await watcher.get<{
        documents?: { kind: string; issuerName: string; documentId: string }[];
      }>(`${serviceUrl('routing')}/cases/${filed.caseId}`);
      return body.documents?.some((document) => document.kind === 'decision') ? body.documents : undefined;
    });
    const decision = documents.find((document) => document.kind === 'decision');
    expect(decision?.issuerName).toBe('沁水县龙港镇人民政府');
    const pdf = await (await fetch(`${serviceUrl('seal')}/documents/${decision?.documentId}`)).blob();
    const form = new FormData();
    form.append('file', pdf, 'decision.pdf');
    const verdict = (await (
      await fetch(`${serviceUrl('seal')}/verification`, { method: 'POST', body: form })
    ).json()) as {
      valid: boolean;
      stamp?: { sealName: string };
    };
    expect(verdict).toEqual(
      expect.objectContaining({
        valid: true,
        stamp: expect.objectContaining({ sealName: '沁水县龙港镇人民政府行政审批服务专用章' }),
      }),
    );
  });
});
