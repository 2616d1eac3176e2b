import type { InvocationWindow } from '../engine/run-engine';

/** Time kept back at the end of an invocation to write progress, hand off and answer. */
export const SAFETY_MARGIN_MS = 2000;

/**
 * An API request runs steps for at most `budgetMs`, and only starts an attempt that can
 * end before the function's own timeout; the rest of the run goes to the execution function.
 */
export function requestWindow(remainingMs: number, budgetMs: number, now = Date.now()): InvocationWindow {
  const usable = Math.max(0, remainingMs - SAFETY_MARGIN_MS);
  return { startBy: now + Math.min(budgetMs, usable), finishBy: now + usable };
}

/**
 * The execution function uses all of its time (less the margin) before handing off again;
 * no invocation gets longer, so a step whose timeout exceeds it runs cut to it.
 */
export function executionWindow(remainingMs: number, now = Date.now()): InvocationWindow {
  const usable = Math.max(0, remainingMs - SAFETY_MARGIN_MS);
  return { startBy: now + usable, finishBy: now + usable, longest: true };
}
