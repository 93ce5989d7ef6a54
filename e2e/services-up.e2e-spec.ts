import { SERVICE_NAMES, getJson, serviceUrl } from './system';

describe('every service of the running system', () => {
  it.each(SERVICE_NAMES)('%s reports what it depends on healthy on /health', async (name) => {
    const { status, body } = await getJson<{ status: string; info: Record<string, { status: string }> }>(
      `${serviceUrl(name)}/health`,
    );
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    if (name === 'console') {
      // The console keeps no data: it is healthy when it reaches every service it passes requests to.
      expect(Object.keys(body.info).sort()).toEqual(
        SERVICE_NAMES.filter((other) => other !== 'console').sort(),
      );
    } else {
      expect(body.info.database.status).toBe('up');
      // Identity keeps no events, so it has no Kafka connection to report; every other service does.
      if (name !== 'identity') expect(body.info.kafka.status).toBe('up');
    }
    for (const [component, state] of Object.entries(body.info)) {
      expect({ component, status: state.status }).toEqual({ component, status: 'up' });
    }
  });

  it.each(SERVICE_NAMES)('%s publishes its OpenAPI document at /docs', async (name) => {
    const { status, body } = await getJson<{ openapi: string; info: { title: string } }>(
      `${serviceUrl(name)}/docs-json`,
    );
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(body.info.title).toContain('OneSeal');
  });

  it('routing alone answers the case’s own commands; approval keeps the tasks', async () => {
    const pathsOf = async (name: (typeof SERVICE_NAMES)[number]) =>
      Object.keys(
        (await getJson<{ paths: Record<string, unknown> }>(`${serviceUrl(name)}/docs-json`)).body.paths,
      );
    const caseCommands = [
      '/cases',
      '/cases/{caseId}',
      '/cases/{caseId}/access',
      '/cases/{caseId}/correction-supplied',
      '/cases/{caseId}/withdrawal',
      '/cases/{caseId}/suspension',
      '/cases/{caseId}/resumption',
      '/cases/{caseId}/extension',
      '/cases/{caseId}/stalled-step-retry',
    ];
    const servingCases = await Promise.all(
      SERVICE_NAMES.map(async (name) => ({
        name,
        cases: (await pathsOf(name)).filter((path) => path.startsWith('/cases')).sort(),
      })),
    );
    expect(servingCases.filter((service) => service.cases.length > 0)).toEqual([
      { name: 'routing', cases: [...caseCommands].sort() },
    ]);
    expect(await pathsOf('approval')).toEqual(
      expect.arrayContaining(['/tasks/inbox', '/tasks/{taskId}/claim', '/tasks/{taskId}/decision']),
    );
  });
});
