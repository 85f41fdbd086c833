import { z } from 'zod';
import { Id, Instant } from './common.schema';

/** Photos on audits (issue 7, docs/AUDITS.md "Photos"): the bytes are sent raw, these describe them. */
export const PHOTO_LIMIT_BYTES = 8 * 1024 * 1024;
export const PHOTOS_PER_AUDIT = 20;

export const AuditPhoto = z
  .object({
    id: Id,
    audit_id: Id,
    /** The item it shows, or null for a photo of the audit as a whole. */
    item_id: z.string().nullable(),
    content_type: z.enum(['image/jpeg', 'image/png', 'image/webp']),
    bytes: z.number().int(),
    sha256: z.string(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    created_by: z.string(),
    created_at: Instant,
    /** Where its bytes are read: `/api/v1/audits/<audit>/photos/<id>`. */
    url: z.string(),
  })
  .meta({ id: 'AuditPhoto' });
export type AuditPhoto = z.infer<typeof AuditPhoto>;

export const AuditPhotoList = z.object({ items: z.array(AuditPhoto) });
export type AuditPhotoList = z.infer<typeof AuditPhotoList>;

export const PhotoUploadQuery = z.object({
  /** The item the photo shows (an item id of the audit's template); absent: the audit as a whole. */
  item: z.string().min(1).max(200).optional(),
});
export type PhotoUploadQuery = z.infer<typeof PhotoUploadQuery>;

export const PhotoParams = z.object({ id: Id, pid: Id });
