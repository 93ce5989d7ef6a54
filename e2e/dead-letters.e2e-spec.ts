import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { TOPICS } from '@oneseal/contracts';
import { eventually, localSystemSigner, testKafka } from '@oneseal/testing';
import { browserForSuite, expectText, freshPage, logIn, SHOTS, workbench } from './browser';
import { as, serviceUrl } from './system';

const letters = `${serviceUrl('audit')}/dead-letters`;

interface Letter {
  id: string;
  consumer: string;
  originalTopic: string;
  reason: string;
  replayedAt: string | null;
  value?: { marker?: string };
}

describe('dead letters: an operator lists, inspects and replays what a consumer parked', () => {
  const browser = browserForSuite();

  it('a submission that breaks its contract is parked by routing, shown to the operator, and replayed', async () => {
    const marker = `e2e-${randomUUID()}`;
    const producer = testKafka().producer();
    await producer.connect();
    // Signed with intake's key (a bug in intake, not a forgery): it reaches the contract check and fails there.
    const value = JSON.stringify({ marker, type: 'intake.application-submitted' });
    await producer.send({
      topic: TOPICS.applicationSubmittedV1,
      messages: [{ key: marker, value, headers: localSystemSigner('intake').headersFor(value) }],
    });
    await producer.disconnect();

    const operator = as('system-admin');
    const ofMarker = async () => {
      const listed = (await operator.get<Letter[]>(letters)).body;
      const mine: Letter[] = [];
      for (const letter of listed.filter((one) => one.consumer === 'oneseal-routing')) {
        const detail = (await operator.get<Letter>(`${letters}/${letter.id}`)).body;
        if (detail.value?.marker === marker) mine.push(detail);
      }
      return mine;
    };
    const [parked] = await eventually('routing’s dead letter recorded', async () => {
      const found = await ofMarker();
      return found.length ? found : undefined;
    });
    expect(parked).toEqual(
      expect.objectContaining({ originalTopic: TOPICS.applicationSubmittedV1, reason: 'contract-violation' }),
    );

    // Auditors look, only operators send back.
    const audited = await as('zz-auditor').post<{ code: string }>(`${letters}/${parked.id}/replay`, {});
    expect([audited.status, audited.body.code]).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
    expect((await as('zz-admin').get<{ code: string }>(letters)).status).toBe(403);
    // A mistyped letter number is refused in words, not with the framework's English.
    const mistyped = await operator.get<{ code: string; problems: { message: string }[] }>(
      `${letters}/not-a-letter`,
    );
    expect([mistyped.status, mistyped.body.code, mistyped.body.problems[0]?.message]).toEqual([
      400,
      'REQUEST.INVALID',
      '死信消息编号格式不正确',
    ]);

    const page = await freshPage(browser());
    await page.setViewportSize({ width: 1280, height: 900 });
    await logIn(page, 'system-admin');
    await page.goto(`${workbench}/#/dead-letters`);
    await expectText(page.locator('.letters'), '格式不符合消息约定');
    // What was wrong, in words: the parked submission has no valid id (the services' own wording stays on hover).
    await expectText(page.locator('.letters'), '字段 id 不符合消息约定');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator(`button.replay-letter[data-id="${parked.id}"]`).click();
    // By the message's name, never its topic code.
    await expectText(page.locator('.letter-message'), '已将「提交申请」消息送回');
    expect(await page.locator('.letter-message').innerText()).not.toContain(TOPICS.applicationSubmittedV1);
    await page.locator(`button.show-letter[data-id="${parked.id}"]`).click();
    await expectText(page.locator('.letter-detail'), marker);
    await page.screenshot({ path: join(SHOTS, 'dead-letters.png'), fullPage: true });
    await page.context().close();

    // Sent back, still malformed: routing parks it again, and the first letter says who replayed it.
    const again = await eventually('the replayed message parked again', async () => {
      const found = await ofMarker();
      return found.length >= 2 ? found : undefined;
    });
    expect(again.find((letter) => letter.id === parked.id)?.replayedAt).not.toBeNull();
  });

  it('an event nobody can prove came from its producer is parked by every consumer, the audit log included', async () => {
    const forged = async (headers?: Record<string, string>) => {
      const marker = `e2e-forged-${randomUUID()}`;
      const value = JSON.stringify({ marker, type: 'intake.application-submitted' });
      const producer = testKafka().producer();
      await producer.connect();
      await producer.send({
        topic: TOPICS.applicationSubmittedV1,
        messages: [{ key: marker, value, headers }],
      });
      await producer.disconnect();
      return { marker, value };
    };
    const unsigned = await forged();
    // Signed, but by routing: routing's key does not make an event intake's.
    const probe = JSON.stringify({ marker: 'probe' });
    const byRouting = await forged(localSystemSigner('routing').headersFor(probe));

    const operator = as('system-admin');
    for (const { marker } of [unsigned, byRouting]) {
      const parked = await eventually(`the audit service to park ${marker}`, async () => {
        const listed = (await operator.get<Letter[]>(letters)).body.filter(
          (letter) => letter.consumer === 'oneseal-audit' && letter.reason === 'unverified-producer',
        );
        for (const letter of listed) {
          const detail = (await operator.get<Letter>(`${letters}/${letter.id}`)).body;
          if (detail.value?.marker === marker) return detail;
        }
        return undefined;
      });
      expect(parked.originalTopic).toBe(TOPICS.applicationSubmittedV1);
    }
  });
});
