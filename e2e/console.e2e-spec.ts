import { fileCase, openTask } from './case-api';
import { postJson, serviceUrl } from './system';

// The console (工作台) is what people open in a browser: its page, and the same-origin /api/<service>/… calls the
// page makes, as a clerk's browser makes them.
const workbench = serviceUrl('console');

describe('the console on the running system', () => {
  it('serves the workbench page and its script', async () => {
    const page = await fetch(`${workbench}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('一枚印章');
    const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await fetch(new URL(script ?? '', `${workbench}/`));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
  });

  it('logs a window clerk in through /api/identity and shows their inbox through /api/approval', async () => {
    const filed = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    const acceptance = await openTask(filed.caseId, 0);

    const login = await postJson<{ token: string; user: { name: string } }>(
      `${workbench}/api/identity/auth/login`,
      { loginName: 'zz-town-window', password: 'oneseal-demo' },
    );
    expect(login.status).toBe(200);
    expect(login.body.user.name).toBe('南村镇受理窗口（演示）');
    const inbox = await fetch(`${workbench}/api/approval/tasks/inbox?pageSize=200`, {
      headers: { authorization: `Bearer ${login.body.token}` },
    });
    expect(inbox.status).toBe(200);
    const { items } = (await inbox.json()) as { items: { id: string; canAct: boolean }[] };
    expect(items.find((task) => task.id === acceptance.id)).toEqual(
      expect.objectContaining({ canAct: true }),
    );

    // Without the token the service itself refuses, in Chinese: the console adds no authority.
    const anonymous = await fetch(`${workbench}/api/approval/tasks/inbox`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { message: string }).message).toContain('请先登录');
    await postJson(
      `${workbench}/api/routing/cases/${filed.caseId}/withdrawal`,
      { reason: '测试结束' },
      { authorization: `Bearer ${login.body.token}` },
    );
  });
});
