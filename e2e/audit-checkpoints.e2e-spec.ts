import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@oneseal/testing';
import { browserForSuite, expectText, freshPage, logIn, SHOTS, workbench } from './browser';
import { as, serviceUrl } from './system';

const checkpoints = `${serviceUrl('audit')}/audit/checkpoints`;

interface Verdict {
  intact: boolean;
  checkpoints: number;
  heads: number;
  problems: { kind: string; message: string }[];
}

describe('signed checkpoints of the audit log: an auditor verifies the record and keeps a copy', () => {
  const browser = browserForSuite();

  it('the operator signs the heads, the auditor verifies them in the console and checks an exported copy', async () => {
    // Events settle for a few seconds before a checkpoint may cover them; earlier suites left plenty.
    const operator = as('system-admin');
    await eventually(
      'a checkpoint covering the events so far',
      async () => {
        const taken = await operator.post<{ checkpoint: { seq: number } | null }>(checkpoints, {});
        expect(taken.status).toBe(200);
        const listed = await operator.get<{ checkpoints: unknown[] }>(checkpoints);
        return listed.body.checkpoints.length > 0 ? true : undefined;
      },
      { timeoutMs: 30_000 },
    );

    // Only auditors and the platform's operators: a county administrator or a clerk is refused.
    expect((await as('zz-admin').get<{ code: string }>(`${checkpoints}/verification`)).status).toBe(403);
    expect((await as('zz-town-window').get<{ code: string }>(`${checkpoints}/export`)).status).toBe(403);
    expect((await as('zz-auditor').post<{ code: string }>(checkpoints, {})).status).toBe(403);

    const page = await freshPage(browser());
    await page.setViewportSize({ width: 1280, height: 1000 });
    await logIn(page, 'zz-auditor');
    await page.goto(`${workbench}/#/audit`);
    await page.getByRole('button', { name: '核验签名检查点' }).click();
    await expectText(page.locator('.checkpoint-verdict'), '全部核验通过');
    // The check ran in the audit service and is kept, with who started it: listed after the screen was left.
    await page.getByRole('link', { name: '监察' }).click();
    await page.getByRole('link', { name: '审计' }).click();
    const latest = () => page.locator('.checkpoint-checks tbody tr').first();
    await expectText(latest(), '系统中的检查点');
    await expectText(latest(), '泽州县审计');
    await expectText(latest(), '全部核验通过');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出检查点文件' }).click();
    const file = join(mkdtempSync(join(tmpdir(), 'oneseal-checkpoints-')), 'copy.json');
    await (await download).saveAs(file);
    const copy = JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string; checkpoints: unknown[] };
    expect(copy.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(copy.checkpoints.length).toBeGreaterThan(0);
    // Without heads: the signed digests vouch for them, and a million of them would not fit a request.
    expect(copy.checkpoints.every((checkpoint) => !Object.hasOwn(checkpoint as object, 'heads'))).toBe(true);

    await page.locator('input.checkpoint-copy').setInputFiles(file);
    await expectText(page.locator('.checkpoint-verdict'), '全部核验通过');
    await expectText(latest(), `导出的文件`);
    await expectText(latest(), `导出，${copy.checkpoints.length} 个检查点`);
    await page.screenshot({ path: join(SHOTS, 'audit-checkpoints.png'), fullPage: true });
    await page.context().close();

    // The same copy through the API says what was checked; a copy with a foreign key is refused, by name.
    const verdict = await as('zz-auditor').post<Verdict>(`${checkpoints}/verification`, copy);
    expect(verdict.body).toEqual(expect.objectContaining({ intact: true, problems: [] }));
    const foreign = await as('zz-auditor').post<{ code: string }>(`${checkpoints}/verification`, {
      ...copy,
      publicKey: `04${'1'.repeat(128)}`,
    });
    expect([foreign.status, foreign.body.code]).toEqual([422, 'AUDIT.CHECKPOINT_FOREIGN_KEY']);
    // Refused before a check starts, as the console's 用导出的文件核验… asks for it.
    const foreignCheck = await as('zz-auditor').post<{ code: string }>(`${checkpoints}/checks/copy`, {
      ...copy,
      publicKey: `04${'1'.repeat(128)}`,
    });
    expect([foreignCheck.status, foreignCheck.body.code]).toEqual([422, 'AUDIT.CHECKPOINT_FOREIGN_KEY']);
    const mistyped = await as('zz-auditor').get<{ code: string; problems: { message: string }[] }>(
      `${checkpoints}/checks/not-a-check`,
    );
    expect([mistyped.status, mistyped.body.code, mistyped.body.problems[0]?.message]).toEqual([
      400,
      'REQUEST.INVALID',
      '检查点核验记录编号格式不正确',
    ]);
    const unknown = await as('zz-auditor').get<{ code: string }>(
      `${checkpoints}/checks/00000000-0000-4000-8000-000000000000`,
    );
    expect([unknown.status, unknown.body.code]).toEqual([404, 'AUDIT.CHECKPOINT_CHECK_NOT_FOUND']);
  });

  it('exports the checkpoints with every head they signed, as a file to keep, written as it is read', async () => {
    const exported = await as('zz-auditor').get<{
      publicKey: string;
      checkpoints: { seq: number; headsCount: number; heads: { streamId: string; version: number }[] }[];
    }>(`${checkpoints}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(exported.body.checkpoints.length).toBeGreaterThan(0);
    // Each checkpoint whole: as many heads as it signed, each once.
    for (const checkpoint of exported.body.checkpoints) {
      expect(checkpoint.heads).toHaveLength(checkpoint.headsCount);
      expect(new Set(checkpoint.heads.map((head) => head.streamId)).size).toBe(checkpoint.headsCount);
    }
  });
});
