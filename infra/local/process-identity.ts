/**
 * Which process holds a data directory. A pid alone goes stale: after a crash and a
 * reboot the same number soon belongs to some other program. On Linux the kernel's
 * start time of the process tells the two apart; elsewhere the pid is all there is.
 */
import { readFileSync } from 'node:fs';

export interface ProcessRef {
  pid: number;
  /** /proc/<pid>/stat's start time (clock ticks since boot), where the system has one. */
  startMark?: string;
}

function procStat(pid: number): { state: string; startMark: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) is in parentheses and may hold spaces; fields 3… follow it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [state, startMark] = [fields[0], fields[19]];
    return state && startMark ? { state, startMark } : undefined;
  } catch {
    return undefined;
  }
}

export function currentProcess(): ProcessRef {
  const stat = procStat(process.pid);
  return stat ? { pid: process.pid, startMark: stat.startMark } : { pid: process.pid };
}

/** True while the very process `ref` names is alive (not merely a process with its pid). */
export function isRunning(ref: ProcessRef): boolean {
  if (!Number.isInteger(ref.pid) || ref.pid <= 0) return false;
  try {
    process.kill(ref.pid, 0);
  } catch (err) {
    // EPERM: it exists, under another user.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(ref.pid);
  if (!stat) return true;
  if (stat.state === 'Z') return false;
  return ref.startMark === undefined || ref.startMark === stat.startMark;
}

/** Reads a ProcessRef from parsed JSON, or undefined if it is not one. */
export function asProcessRef(value: unknown): ProcessRef | undefined {
  const { pid, startMark } = (value ?? {}) as { pid?: unknown; startMark?: unknown };
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return undefined;
  return typeof startMark === 'string' ? { pid, startMark } : { pid };
}
