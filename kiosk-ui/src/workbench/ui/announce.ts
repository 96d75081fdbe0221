/**
 * Says a short status to screen readers through the page's one polite live region (#announcer) and shows it in
 * the status bar too, so sighted keyboard users see what happened after a button without a visible change.
 */
export function announce(text: string, tone: 'ok' | 'error' | 'info' = 'info'): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.className = `announcer announcer-${tone}`;
  // Clearing first makes a repeated identical message be read again.
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = text;
  }, 30);
}

/** Empties the status bar (on navigation). */
export function clearAnnouncement(): void {
  const region = document.getElementById('announcer');
  if (region) region.textContent = '';
}
