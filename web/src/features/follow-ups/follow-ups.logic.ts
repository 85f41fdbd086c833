import type { FollowUp, FollowUpOwnerList } from '../../../../src/contract/follow-up.schema';
import { canActOnSubmitted } from '../audits/audit-rights';
import { epochDayOf, formatIsoDate, parseIsoDate } from '../../../../src/core/time/civil-date';

/** What the server takes as a photo (it checks the bytes too). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_LIMIT_BYTES = 8 * 1024 * 1024;
export const PHOTOS_PER_AUDIT = 20;
/** A photo re-encoded in the browser is at most this many pixels on its longer side. */
export const REENCODE_MAX_SIDE = 2560;

/**
 * What to do with a picked file before it is sent: send it as it is, re-encode it as a JPEG in the
 * browser (another image type such as HEIC, or too large), or refuse it (not an image at all).
 */
export function photoPlan(file: { type: string; size: number }): 'send' | 'reencode' | 'not_image' {
  if (!file.type.startsWith('image/')) return 'not_image';
  if ((PHOTO_TYPES as readonly string[]).includes(file.type) && file.size <= PHOTO_LIMIT_BYTES) return 'send';
  return 'reencode';
}

/** The size to draw a `width`×`height` image at so that its longer side is at most `max`. */
export function fitWithin(width: number, height: number, max = REENCODE_MAX_SIDE) {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Today's local date on this device as YYYY-MM-DD. */
export const localToday = (now: Date = new Date()) =>
  formatIsoDate(epochDayOf(now.getFullYear(), now.getMonth() + 1, now.getDate()));

/** `date` plus `days` (a calendar date, YYYY-MM-DD). Example: `addDays('2026-02-25', 7)` → `'2026-03-04'`. */
export function addDays(date: string, days: number): string {
  const day = parseIsoDate(date);
  if (day === undefined) throw new Error(`not a date: ${date}`);
  return formatIsoDate(day + days);
}

/** Whether this person may raise follow-ups from this audit: whoever may act on it once submitted. */
export const canRaiseFollowUp = canActOnSubmitted;

/** The owner a new follow-up suggests: the unit's head when there is one, else a quality lead, else the caller. */
export function defaultOwner(owners: FollowUpOwnerList['items'], selfId: string): string | null {
  const pick =
    owners.find((o) => o.role === 'head') ??
    owners.find((o) => o.id !== selfId && (o.role === 'manager' || o.role === 'admin')) ??
    owners[0];
  return pick?.id ?? null;
}

/** Open ones first (overdue first among them, then by due date), then the closed, newest first. */
export function orderForPage(items: readonly FollowUp[]): FollowUp[] {
  const rank = (f: FollowUp) => (f.status === 'open' ? (f.overdue ? 0 : 1) : 2);
  return [...items].sort((a, b) => {
    const r = rank(a) - rank(b);
    if (r !== 0) return r;
    if (rank(a) < 2) return a.due_on.localeCompare(b.due_on) || a.id.localeCompare(b.id);
    return (b.done_at ?? b.updated_at).localeCompare(a.done_at ?? a.updated_at);
  });
}

/** A calendar date (YYYY-MM-DD) in words, whatever the device's zone. Example (en): `'Mar 17, 2026'`. */
export const formatLocalDate = (date: string, lng: string) =>
  new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
