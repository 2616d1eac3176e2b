import type { Reporter } from './reporter';

interface Undo {
  name: string;
  run: () => Promise<void>;
}

/**
 * What the smoke created, undone at the end whatever happened. An undo is registered as
 * soon as the thing exists, and dropped if the journey undid it itself (closed the
 * session, deleted the trace). Undos run newest first, each as its own `cleanup.*` check,
 * so one that fails is reported and the rest still run.
 */
export class Cleanup {
  private readonly pending: Undo[] = [];

  /** Registers an undo; the returned function drops it. */
  add(name: string, run: () => Promise<void>): () => void {
    const undo = { name, run };
    this.pending.push(undo);
    return () => {
      const at = this.pending.indexOf(undo);
      if (at >= 0) this.pending.splice(at, 1);
    };
  }

  async runAll(report: Reporter): Promise<void> {
    for (const undo of this.pending.splice(0).reverse()) await report.check(`cleanup.${undo.name}`, undo.run);
  }
}
