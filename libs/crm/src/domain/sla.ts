/** `openedAt + target minutes`, or null when no SLA policy covers the ticket's (type, priority). */
export function slaDueAt(openedAt: Date, targetMinutes: number | null | undefined): Date | null {
  if (targetMinutes == null) return null;
  return new Date(openedAt.getTime() + targetMinutes * 60_000);
}
