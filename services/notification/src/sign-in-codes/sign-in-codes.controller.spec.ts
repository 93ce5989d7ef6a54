import type { DataSource } from 'typeorm';
import { DeliveryFailure } from '../delivery/delivery-failure';
import type { NotificationProvider, OutgoingMessage } from '../delivery/notification-provider';
import { SignInCodesController } from './sign-in-codes.controller';

/** The SMS log as the controller writes it: the values of each insert. */
function smsLog(fails = false) {
  const rows: unknown[][] = [];
  const dataSource = {
    query: async (_sql: string, values: unknown[]) => {
      if (fails) throw new Error('database gone');
      rows.push(values);
      return [];
    },
  } as unknown as DataSource;
  return { rows, dataSource };
}

function gateway(name: string, fail?: DeliveryFailure) {
  const sent: OutgoingMessage[] = [];
  const provider: NotificationProvider = {
    name,
    send: async (message) => {
      if (fail) throw fail;
      sent.push(message);
      return 'provider-1';
    },
  };
  return { sent, provider };
}

describe('sending an applicant their sign-in code', () => {
  it('sends the code to the whole number, and logs neither the code nor the whole number with a real gateway', async () => {
    const log = smsLog();
    const sms = gateway('aliyun-sms');
    await new SignInCodesController(log.dataSource, sms.provider).send({
      phone: '13903561234',
      code: '042917',
    });
    expect(sms.sent[0]).toEqual(
      expect.objectContaining({
        recipient: '13903561234',
        template: 'signInCode',
        params: { code: '042917' },
      }),
    );
    const [[, phone, body]] = log.rows;
    expect(phone).toBe('139****1234');
    expect(body).not.toContain('042917');
    expect(body).toContain('******');
  });

  it('keeps the message whole under the recording provider, where the row is the delivery', async () => {
    const log = smsLog();
    await new SignInCodesController(log.dataSource, gateway('recording').provider).send({
      phone: '13903561234',
      code: '042917',
    });
    const [[, phone, body]] = log.rows;
    expect([phone, body]).toEqual(['13903561234', expect.stringContaining('042917')]);
  });

  it('says NOT_SENT only when the gateway refused, never when only the log failed', async () => {
    const refused = gateway(
      'aliyun-sms',
      DeliveryFailure.permanent('isv.MOBILE_NUMBER_ILLEGAL', 'bad number'),
    );
    await expect(
      new SignInCodesController(smsLog().dataSource, refused.provider).send({
        phone: '13903561234',
        code: '1',
      }),
    ).rejects.toMatchObject({ code: 'SIGN_IN_SMS.NOT_SENT' });
    const sentButNotLogged = gateway('aliyun-sms');
    await expect(
      new SignInCodesController(smsLog(true).dataSource, sentButNotLogged.provider).send({
        phone: '13903561234',
        code: '042917',
      }),
    ).resolves.toEqual({ sent: true });
  });
});
