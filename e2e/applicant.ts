import { randomInt } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { engineEndpoints, eventually } from '@oneseal/testing';
import type { Page } from 'playwright-core';
import { expectText } from './browser';
import { as, getJson, serviceUrl } from './system';

/** A mobile number no other test uses. */
export const randomPhone = () => `137${String(randomInt(0, 99_999_999)).padStart(8, '0')}`;

/** The sign-in code as the applicant's phone shows it: the recording SMS provider keeps the text it "sent". */
export async function smsCodeSentTo(phone: string, after: Date): Promise<string> {
  const db = new PgClient({ connectionString: engineEndpoints().databaseUrl });
  await db.connect();
  try {
    return await eventually('the sign-in SMS', async () => {
      const { rows } = await db.query<{ body: string }>(
        `SELECT body FROM notification.sign_in_messages WHERE phone = $1 AND sent_at >= $2
          ORDER BY sent_at DESC LIMIT 1`,
        [phone, after],
      );
      return /验证码为(\d{6})/.exec(rows[0]?.body ?? '')?.[1];
    });
  } finally {
    await db.end();
  }
}

/** Signs in on the sign-in form the page shows (网上办事): the number, 获取验证码, the code from the SMS, 登录. */
export async function signInWithSmsCode(page: Page, phone: string): Promise<void> {
  await page.getByLabel('手机号码').fill(phone);
  const asked = new Date(Date.now() - 1000);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expectText(page.locator('form.sign-in + .message, .message'), '验证码已发送');
  await page.getByLabel('验证码').fill(await smsCodeSentTo(phone, asked));
  await page.getByRole('button', { name: '登录' }).click();
}

interface Guide {
  onlineDepth: number;
  [field: string]: unknown;
}

/** As the administrator publishes it: 网办深度 4, no visit (an earlier run may have done so already). */
export async function makeFullyOnline(matterCode: string, reason: string): Promise<void> {
  const catalogue = `${serviceUrl('intake')}/catalogue/matters/${matterCode}`;
  const { body: matter } = await getJson<{ version: number; guide: Guide }>(catalogue);
  if (matter.guide.onlineDepth === 4) return;
  const { guide } = matter;
  const published = await as('zz-admin').put(`${catalogue}/guide`, {
    expectedVersion: matter.version,
    reason,
    legalBasis: guide.legalBasis,
    caseKind: guide.caseKind,
    statutoryLimitWorkingDays: guide.statutoryLimitWorkingDays,
    committedLimitWorkingDays: guide.committedLimitWorkingDays,
    materials: guide.materials,
    fee: guide.fee,
    onlineDepth: 4,
    onSiteVisits: 0,
    appointment: guide.appointment,
    expressDelivery: guide.expressDelivery,
    ...(guide.form ? { form: guide.form } : {}),
  });
  expect(published.status).toBe(200);
}

/** The messages sent (or waiting to be sent) to a mobile number, oldest first, as the recording provider keeps them. */
export async function messagesTo(
  phone: string,
): Promise<{ template: string; status: string; body: string }[]> {
  const db = new PgClient({ connectionString: engineEndpoints().databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ template: string; status: string; body: string }>(
      `SELECT template, status, body FROM notification.notifications WHERE recipient = $1 ORDER BY created_at`,
      [phone],
    );
    return rows;
  } finally {
    await db.end();
  }
}
