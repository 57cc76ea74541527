/**
 * Overall progress by estimated time, and an ETA that scales the remaining estimate by how fast the run has gone
 * so far (estimates are rough; the machine's own pace corrects them as the run goes).
 */
export function computeEta(
  estimatesMs: readonly number[],
  position: number,
  fraction: number,
  elapsedMs: number,
): { overallFraction: number; etaMs: number | null } {
  const total = estimatesMs.reduce((s, v) => s + v, 0);
  if (total <= 0) return { overallFraction: 0, etaMs: null };
  const before = estimatesMs.slice(0, position).reduce((s, v) => s + v, 0);
  const doneMs = before + (estimatesMs[position] ?? 0) * Math.min(1, Math.max(0, fraction));
  const overallFraction = Math.min(1, doneMs / total);
  const remainingEstimate = total - doneMs;
  if (overallFraction < 0.02 || elapsedMs <= 0) return { overallFraction, etaMs: remainingEstimate };
  const pace = elapsedMs / doneMs;
  return { overallFraction, etaMs: Math.max(0, remainingEstimate * pace) };
}
