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

  /**
   * What each service adds to the standard process and HTTP metrics on /metrics, as `# TYPE` lines: a counter has no
   * series until it first counts.
   */
  const OWN_METRICS: Record<string, string[]> = {
    intake: ['oneseal_outbox_pending gauge'],
    routing: [
      'oneseal_outbox_pending gauge',
      'oneseal_events_consumed_total counter',
      'oneseal_activity_duration_seconds histogram',
      'oneseal_cases_at_risk gauge',
      'oneseal_cases_stalled gauge',
      'oneseal_consumer_lag gauge',
    ],
    approval: ['oneseal_outbox_pending gauge', 'oneseal_activity_duration_seconds histogram'],
    seal: ['oneseal_outbox_pending gauge', 'oneseal_activity_duration_seconds histogram'],
    notification: ['oneseal_outbox_pending gauge', 'oneseal_events_consumed_total counter'],
    audit: ['oneseal_events_consumed_total counter', 'oneseal_consumer_lag gauge'],
    identity: [],
    console: [],
  };

  it.each(SERVICE_NAMES)(
    '%s shows its metrics on its own port, and the console never passes them on',
    async (name) => {
      const response = await fetch(`${serviceUrl(name)}/metrics`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toMatch(new RegExp(`^process_cpu_seconds_total\\{service="${name}"\\} [0-9.]+$`, 'm'));
      expect(text).toContain('oneseal_http_request_duration_seconds_count{');
      for (const metric of OWN_METRICS[name] ?? [])
        expect([name, text.includes(`# TYPE ${metric}\n`)]).toEqual([name, true]);
      // A gauge read from the database has its series at once: a producer's outbox says how much waits.
      if ((OWN_METRICS[name] ?? []).includes('oneseal_outbox_pending gauge'))
        expect(text).toMatch(
          new RegExp(`^oneseal_outbox_pending\\{schema="${name}",service="${name}"\\} \\d+$`, 'm'),
        );
      if (name !== 'console') {
        const throughConsole = await fetch(`${serviceUrl('console')}/api/${name}/metrics`);
        expect(throughConsole.status).toBe(400);
      }
    },
  );

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
