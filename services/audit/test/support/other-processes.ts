/** What Nest calls on the audit's check services as a process starts and stops. */
interface ProcessLifecycle {
  onApplicationBootstrap(): Promise<void>;
  onModuleDestroy(): Promise<void>;
}

/**
 * Other audit processes (a restart, a replica) a suite starts as Nest starts them — each looks for checks left by a
 * stopped one — and stops after each test, so none of them runs on into the next.
 */
export function otherProcesses<TProcess extends ProcessLifecycle>() {
  const running: TProcess[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((process) => process.onModuleDestroy()));
  });
  return {
    /** Started: it has looked for left checks once (and takes them up), and looks again every half minute. */
    async start(process: TProcess): Promise<TProcess> {
      running.push(process);
      await process.onApplicationBootstrap();
      return process;
    },
    /** Not started (it takes up nothing of itself), only stopped after the test. */
    stopAfterTest(process: TProcess): TProcess {
      running.push(process);
      return process;
    },
  };
}
