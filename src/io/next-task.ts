/**
 * `nextTask()`: a promise that resolves in a new task of the event loop, so that long work lets messages (a
 * cancel, a newer request) and, on the page, input and frames in between its parts.
 *
 * Why not `setTimeout(fn, 0)`: browsers clamp a timer nested more than five deep to at least 4 ms (HTML, "timer
 * initialisation steps"), and a loop that yields by timers is nested at once. In the analysis worker the import
 * yielded every 2,000 rows and waited 4 ms each time: about 60 waits, a quarter of a second of an idle thread, in
 * a 30,000-connection load, ten times that for a team of ten (docs/performance.md, Session 8). A message on a
 * `MessageChannel` is a task without that clamp (what React's scheduler uses for the same reason); Node has
 * `setImmediate`, which does not hold a port open. Cost: one message per call.
 */

/** What {@link createNextTask} may use; by default the global scope's. */
export interface TaskScope {
  setImmediate?: (callback: () => void) => unknown;
  MessageChannel?: typeof MessageChannel;
  setTimeout: (callback: () => void, ms: number) => unknown;
}

/** A `nextTask` over `scope`: `setImmediate` where there is one (Node), else a `MessageChannel`, else a timer. */
export function createNextTask(scope: TaskScope = globalThis as unknown as TaskScope): () => Promise<void> {
  let schedule: ((resolve: () => void) => void) | undefined;
  const make = (): ((resolve: () => void) => void) => {
    const { setImmediate, MessageChannel } = scope;
    if (typeof setImmediate === 'function') return (resolve) => setImmediate(resolve);
    if (typeof MessageChannel === 'function') {
      const waiting: (() => void)[] = [];
      const channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
      return (resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(undefined);
      };
    }
    return (resolve) => scope.setTimeout(resolve, 0);
  };
  return () => {
    const run = (schedule ??= make());
    return new Promise<void>((resolve) => run(resolve));
  };
}

/** Resolves in a new task of the event loop, without the 4 ms clamp of nested timers (above). */
export const nextTask: () => Promise<void> = createNextTask();
