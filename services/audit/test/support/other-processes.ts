/** What Nest calls on the audit's check services as a process starts and stops. */
interface ProcessLifecycle {
  onApplicationBootstrap(): void;
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
    /** Started: it takes up left checks now and every half minute. */
    start(process: TProcess): TProcess {
      running.push(process);
      process.onApplicationBootstrap();
      return process;
    },
    /** Not started (it takes up nothing of itself), only stopped after the test. */
    stopAfterTest(process: TProcess): TProcess {
      running.push(process);
      return process;
    },
  };
}
